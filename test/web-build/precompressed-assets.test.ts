/**
 * The build's compressed twins (designer/build/precompress-assets.ts), which the server sends by Content-Encoding: every
 * script and stylesheet of 1 KiB or more has a brotli and a gzip twin that decodes to exactly its bytes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, expect, it } from '@jest/globals';
import { ensureWebBuild, WEB_DIST_DIR } from '../../designer/build/web-build.js';

const ASSETS_DIR = path.join(WEB_DIST_DIR, 'assets');

beforeAll(async () => {
  await ensureWebBuild();
}, 600_000);

it('writes a brotli and a gzip twin of each script and stylesheet that decode to the file, and smaller', async () => {
  const names = await readdir(ASSETS_DIR);
  const assets = [];
  for (const name of names.filter((file) => /\.(js|css)$/.test(file))) {
    const bytes = await readFile(path.join(ASSETS_DIR, name));
    if (bytes.length >= 1024) assets.push({ name, bytes });
  }
  expect(assets.map((asset) => asset.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^portal-.*\.js$/), expect.stringMatching(/^ApplicationForm-.*\.js$/)]));
  for (const { name, bytes } of assets) {
    const brotli = await readFile(path.join(ASSETS_DIR, `${name}.br`));
    const gzip = await readFile(path.join(ASSETS_DIR, `${name}.gz`));
    expect({ name, brotli: brotliDecompressSync(brotli).equals(bytes), gzip: gunzipSync(gzip).equals(bytes) }).toEqual({ name, brotli: true, gzip: true });
    expect(brotli.length).toBeLessThan(bytes.length);
    expect(gzip.length).toBeLessThan(bytes.length);
  }
});
