import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from '../tests/test-server.js';

/** A portal bundle as the build leaves it: the file, and the brotli and gzip twins the build writes beside it. */
const PORTAL_SCRIPT = `export const greeting = ${JSON.stringify('Guten Tag, '.repeat(400))};\n`;

describe('the browser apps served from a build folder', () => {
  let webDir: string;
  let test: TestServer;

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-web-'));
    await mkdir(path.join(webDir, 'staff'));
    await mkdir(path.join(webDir, 'assets'));
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>portal</title>');
    await writeFile(path.join(webDir, 'service.html'), '<!doctype html><title>portal, form preloaded</title>');
    await writeFile(path.join(webDir, 'staff', 'index.html'), '<!doctype html><title>staff</title>');
    await writeFile(path.join(webDir, 'assets', 'staff-AbC123.js'), 'export {};');
    await writeFile(path.join(webDir, 'assets', 'portal-XyZ789.js'), PORTAL_SCRIPT);
    await writeFile(path.join(webDir, 'assets', 'portal-XyZ789.js.br'), brotliCompressSync(PORTAL_SCRIPT));
    await writeFile(path.join(webDir, 'assets', 'portal-XyZ789.js.gz'), gzipSync(PORTAL_SCRIPT));
    await writeFile(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    test = await startTestServer({ config: { webDir } });
  });

  afterAll(async () => {
    await test.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  it('serves the portal at / and its pages, and the staff app at every path under /staff, revalidated on each load', async () => {
    // A service's form and a status link (from a mail, a bookmark) open the portal, which shows the page.
    const pages = [
      { url: '/', title: 'portal' },
      { url: '/services/hundeanmeldung', title: 'portal, form preloaded' },
      { url: '/status/8tukMXAeuukvvqC5OIDcymw2QZLqavckikui9NKcb6M', title: 'portal' },
      { url: '/fundsachen', title: 'portal' },
    ];
    for (const { url, title } of pages) {
      const portal = await test.http.get(url);
      expect(portal.status).toBe(200);
      expect(portal.text).toContain(`<title>${title}</title>`);
      expect(portal.headers['cache-control']).toBe('no-cache');
    }
    for (const url of ['/staff', '/staff/', '/staff/designer/processes/hund-anmelden']) {
      const staff = await test.http.get(url);
      expect(staff.status).toBe(200);
      expect(staff.text).toContain('staff');
      expect(staff.headers['cache-control']).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year and answers a missing one with 404', async () => {
    const asset = await test.http.get('/assets/staff-AbC123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect((await test.http.get('/assets/gone-123.js')).status).toBe(404);
    expect((await test.http.get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it('sends an asset compressed in the best encoding the browser accepts, cached for a year and varying by encoding', async () => {
    const cases = [
      { accept: 'gzip, deflate, br, zstd', encoding: 'br' }, // Chromium's header: the server prefers brotli
      { accept: 'gzip', encoding: 'gzip' },
      { accept: 'br;q=0, gzip;q=0.5', encoding: 'gzip' },
      { accept: 'identity', encoding: undefined },
    ];
    for (const { accept, encoding } of cases) {
      const asset = await test.http.get('/assets/portal-XyZ789.js').set('Accept-Encoding', accept);
      expect({ accept, status: asset.status, encoding: asset.headers['content-encoding'] }).toEqual({ accept, status: 200, encoding });
      expect(asset.text).toBe(PORTAL_SCRIPT); // supertest decodes what it was sent
      expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.vary).toMatch(/Accept-Encoding/);
    }
    const head = await test.http.head('/assets/portal-XyZ789.js').set('Accept-Encoding', 'br');
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(brotliCompressSync(PORTAL_SCRIPT).length);
  });

  it('sends an asset without compressed twins as it is, and a missing one as the 404 problem, whatever the browser accepts', async () => {
    const small = await test.http.get('/assets/staff-AbC123.js').set('Accept-Encoding', 'br, gzip');
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['content-type']).toMatch(/^text\/javascript/);
    const missing = await test.http.get('/assets/gone-456.js').set('Accept-Encoding', 'br, gzip');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    expect(missing.headers['content-encoding']).toBeUndefined();
  });

  it('sends a CSP without inline or evaluated script, and leaves unknown API paths to the problem handler', async () => {
    const csp = String((await test.http.get('/staff/')).headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    const api = await test.http.get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('a server without a build', () => {
  it('serves the API only', async () => {
    const test = await startTestServer({ config: { webDir: path.join(os.tmpdir(), 'amtsflow-no-such-build') } });
    try {
      expect((await test.http.get('/')).status).toBe(404);
      expect((await test.http.get('/api/auth/methods')).status).toBe(200);
    } finally {
      await test.stop();
    }
  });
});
