/**
 * Sends an asset's compressed twin (`x.js.br`, `x.js.gz`, written by the build: designer/build/precompress-assets.ts)
 * when the browser accepts its encoding, brotli first; otherwise, or when the build wrote none (small files, fonts,
 * images), the next handler sends the file as it is. Compressed once at build time at the strongest levels, the
 * assets cost no CPU per request.
 */
import path from 'node:path';
import type { RequestHandler, Response } from 'express';

const TWINS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export interface AssetCaching {
  immutable: boolean;
  maxAge: number;
}

export function precompressedAssets(assetsDir: string, caching: AssetCaching): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let file: string;
    try {
      file = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    // Caches must keep the encodings apart, including the uncompressed answer the next handler may give.
    res.vary('Accept-Encoding');
    const accepted = TWINS.filter((twin) => req.acceptsEncodings(twin.encoding) === twin.encoding);
    // The type of the file asked for, not of the twin's suffix (sendFile keeps a type that is set).
    if (accepted.length > 0) res.type(path.extname(file));
    sendFirstTwin(res, next, { assetsDir, file, caching, twins: accepted });
  };
}

interface TwinRequest {
  assetsDir: string;
  file: string;
  caching: AssetCaching;
  twins: readonly (typeof TWINS)[number][];
}

function sendFirstTwin(res: Response, next: (error?: unknown) => void, { assetsDir, file, caching, twins }: TwinRequest): void {
  const [twin, ...others] = twins;
  if (!twin) {
    res.removeHeader('Content-Type'); // the next handler (or the 404 problem) sets its own
    return next();
  }
  res.sendFile(file + twin.suffix, { root: assetsDir, dotfiles: 'ignore', headers: { 'Content-Encoding': twin.encoding }, ...caching }, (error) => {
    if (!error) return;
    if (res.headersSent) return next(error);
    // No such twin (or a path it refuses): the next twin, then the file as it is, decides.
    sendFirstTwin(res, next, { assetsDir, file, caching, twins: others });
  });
}
