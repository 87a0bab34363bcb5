/** The OAuth token cache against a local token endpoint, with the clock under the test's control. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuthTokenCache } from './oauth-token-cache.js';

let server: Server;
let tokenUrl: string;
let issued = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    issued += 1;
    const valid = request.headers.authorization === `Basic ${Buffer.from('amtsflow:s3cret').toString('base64')}`;
    response.writeHead(valid ? 200 : 401, { 'content-type': 'application/json' });
    response.end(JSON.stringify(valid ? { access_token: `token-${issued}`, expires_in: 120 } : { error: 'invalid_client', error_description: 'unknown client' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
});
afterAll(async () => new Promise((resolve) => server.close(resolve)));

describe('OAuthTokenCache', () => {
  it('reuses a token until 30 s before it expires, and shares one request between concurrent callers', async () => {
    let now = 1_000_000;
    const cache = new OAuthTokenCache(() => now);
    const credentials = { tokenUrl, clientId: 'amtsflow', clientSecret: 's3cret' };
    const first = await Promise.all([cache.accessToken(credentials), cache.accessToken(credentials)]);
    expect(new Set(first).size).toBe(1);
    now += 89_000;
    expect(await cache.accessToken(credentials)).toBe(first[0]);
    now += 2_000;
    expect(await cache.accessToken(credentials)).not.toBe(first[0]);
  });

  it('fetches a new token after it was invalidated', async () => {
    const cache = new OAuthTokenCache();
    const credentials = { tokenUrl, clientId: 'amtsflow', clientSecret: 's3cret' };
    const token = await cache.accessToken(credentials);
    cache.invalidate(credentials);
    expect(await cache.accessToken(credentials)).not.toBe(token);
  });

  it('refuses wrong client credentials for good, with the server\'s reason', async () => {
    const cache = new OAuthTokenCache();
    await expect(cache.accessToken({ tokenUrl, clientId: 'amtsflow', clientSecret: 'wrong' }))
      .rejects.toThrow('The token endpoint refused the client credentials: 401 invalid_client: unknown client');
  });
});
