/** Hostile, malformed and oversized bodies at the public sign-in route: never a 5xx, always problem+json. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../tests/test-server.js';

let test: TestServer;
beforeAll(async () => {
  test = await startTestServer();
});
afterAll(async () => test.stop());

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''];

const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('__proto__', 'constructor', "' OR 1=1 --", '\u0000', '%00', '../../etc/passwd', 'admin\u0000', 'ADMIN', ' admin'),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

const body = fc.oneof(
  fc.record({ username: hostileValue, password: hostileValue }, { requiredKeys: [] }),
  fc.dictionary(fc.constantFrom('username', 'password', '__proto__', 'constructor', 'prototype', 'x'), hostileValue).map((entries) => JSON.stringify(entries)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary' }),
  fc.string({ maxLength: 50 }).map((s) => `{"username":"${s}`),
  fc.constant(`{"__proto__":{"isAdmin":true},"username":"admin","password":"x"}`),
  fc.nat({ max: 5 }).map((depth) => `${'['.repeat(depth * 2000)}${']'.repeat(depth * 2000)}`),
);

describe('POST /api/auth/login under hostile input', () => {
  it('never answers with a server error, and always with problem+json when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(...CONTENT_TYPES), async (payload, contentType) => {
        const call = test.http.post('/api/auth/login');
        if (contentType !== '') call.set('Content-Type', contentType);
        const response = await call.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a body larger than the JSON limit with 413, without reading it as credentials', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 101 * 1024, max: 2 * 1024 * 1024 }), async (size) => {
        const response = await test.http.post('/api/auth/login').set('Content-Type', 'application/json')
          .send(JSON.stringify({ username: 'admin', password: 'x'.repeat(size) }));
        expect(response.status).toBe(413);
      }),
      { numRuns: 5 },
    );
  });
});
