/**
 * Writes a brotli (`x.js.br`) and a gzip (`x.js.gz`) twin beside each text asset of a build, at the strongest
 * levels: compressing once at build time costs nothing per request, and the server (server/web/web-app.ts) sends the
 * twin a browser accepts with `Content-Encoding`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Text formats; fonts in woff/woff2 and images are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.svg', '.json', '.html', '.ttf', '.eot']);
/** Below this a compressed twin saves less than its own request headers. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TWINS = [
  { suffix: '.br', compress: (bytes: Buffer) => brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }) },
  { suffix: '.gz', compress: (bytes: Buffer) => gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }) },
] as const;

/** Compresses the assets in `assetsDir`; returns the names of the files that got twins. */
export async function precompressAssets(assetsDir: string): Promise<string[]> {
  const names = (await readdir(assetsDir)).filter((name) => COMPRESSIBLE.has(path.extname(name)));
  const compressed: string[] = [];
  await Promise.all(names.map(async (name) => {
    const bytes = await readFile(path.join(assetsDir, name));
    if (bytes.length < MIN_BYTES) return;
    let wrote = false;
    for (const twin of TWINS) {
      const packed = await twin.compress(bytes);
      if (packed.length >= bytes.length) continue;
      await writeFile(path.join(assetsDir, name + twin.suffix), packed);
      wrote = true;
    }
    if (wrote) compressed.push(name);
  }));
  return compressed.sort();
}
