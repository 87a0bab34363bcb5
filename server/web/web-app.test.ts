import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from '../tests/test-server.js';

describe('the browser apps served from a build folder', () => {
  let webDir: string;
  let test: TestServer;

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-web-'));
    await mkdir(path.join(webDir, 'staff'));
    await mkdir(path.join(webDir, 'assets'));
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>portal</title>');
    await writeFile(path.join(webDir, 'staff', 'index.html'), '<!doctype html><title>staff</title>');
    await writeFile(path.join(webDir, 'assets', 'staff-AbC123.js'), 'export {};');
    await writeFile(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    test = await startTestServer({ config: { webDir } });
  });

  afterAll(async () => {
    await test.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  it('serves the portal at / and its pages, and the staff app at every path under /staff, revalidated on each load', async () => {
    // A service's form and a status link (from a mail, a bookmark) open the portal, which shows the page.
    for (const url of ['/', '/services/hundeanmeldung', '/status/8tukMXAeuukvvqC5OIDcymw2QZLqavckikui9NKcb6M', '/fundsachen']) {
      const portal = await test.http.get(url);
      expect(portal.status).toBe(200);
      expect(portal.text).toContain('portal');
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
