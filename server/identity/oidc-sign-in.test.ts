import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signInAtProvider, startLocalOidcProvider, type LocalOidcProvider } from '../tests/local-oidc-provider.js';
import { createStaff, startTestServer, type TestServer } from '../tests/test-server.js';

const PUBLIC_URL = 'http://127.0.0.1:8080';
let provider: LocalOidcProvider;
let test: TestServer;

beforeAll(async () => {
  provider = await startLocalOidcProvider(`${PUBLIC_URL}/api/auth/oidc/callback`);
  test = await startTestServer({
    env: {
      AMTSFLOW_PUBLIC_URL: PUBLIC_URL,
      AMTSFLOW_OIDC_ISSUER: provider.issuer,
      AMTSFLOW_OIDC_CLIENT_ID: provider.clientId,
      AMTSFLOW_OIDC_CLIENT_SECRET: provider.clientSecret,
    },
  });
});
afterAll(async () => {
  await test.stop();
  await provider.stop();
});

/** A browser signing in through the provider: start at the server, sign in there, come back with the cookie. */
async function signInThroughProvider(account: string, returnTo = '/tasks') {
  const start = await test.http.get(`/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(302);
  const binding = ([] as string[]).concat(start.headers['set-cookie'] ?? []).find((c) => c.startsWith('amtsflow-oidc='))!.split(';')[0];
  const authorizationUrl = new URL(start.headers.location);
  const callback = await signInAtProvider(authorizationUrl.href, account);
  const back = await test.http.get(`${callback.pathname}${callback.search}`).set('Cookie', binding);
  return { authorizationUrl, callback, binding, back };
}

describe('OIDC sign-in', () => {
  it('uses the authorization code flow with PKCE, state and nonce', async () => {
    const start = await test.http.get('/api/auth/oidc/login');
    const url = new URL(start.headers.location);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code', client_id: 'amtsflow', code_challenge_method: 'S256',
      redirect_uri: `${PUBLIC_URL}/api/auth/oidc/callback`, scope: 'openid profile',
      code_challenge: expect.any(String), state: expect.any(String), nonce: expect.any(String),
    });
    expect((await test.http.get('/api/auth/methods')).body).toEqual({ password: true, oidc: true });
  });

  it('signs in a staff member whose user name the provider confirms, links the identity and redirects on', async () => {
    const user = await createStaff(test.server, 'k.weber', ['clerk'], ['kaemmerei']);
    const { back } = await signInThroughProvider('k.weber', '/tasks?filter=mine');
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/tasks?filter=mine');
    const session = ([] as string[]).concat(back.headers['set-cookie'] ?? []).find((c) => c.startsWith('amtsflow-session='))!.split(';')[0];
    const me = await test.http.get('/api/auth/session').set('Cookie', session);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: user.id, departments: ['kaemmerei'] }, signedInVia: 'oidc' });
    const [row] = await test.server.context.sql.query<{ oidc_issuer: string; oidc_subject: string }>('SELECT oidc_issuer, oidc_subject FROM users WHERE id = $1', [user.id]);
    expect(row).toEqual({ oidc_issuer: provider.issuer, oidc_subject: 'k.weber' });
    const audited = await test.server.context.audit.list({ action: 'user.signed-in', actorId: user.id, limit: 1 });
    expect(audited.entries[0].details).toEqual({ via: 'oidc' });
  });

  it('refuses an identity without an amtsflow account, audited', async () => {
    const { back } = await signInThroughProvider('stranger');
    expect(back.status).toBe(403);
    expect(back.body.type).toBe('urn:amtsflow:problem:oidc-unknown-user');
    expect(back.headers['set-cookie']?.toString() ?? '').not.toContain('amtsflow-session=');
    const failed = await test.server.context.audit.list({ action: 'user.sign-in-failed', limit: 1 });
    expect(failed.entries[0].details).toMatchObject({ reason: 'unknown-user', via: 'oidc', subject: 'stranger' });
  });

  it('refuses a callback in a browser that did not start the sign-in, and a second use of the same callback', async () => {
    await createStaff(test.server, 'replayer', ['clerk']);
    const { callback, binding, back } = await signInThroughProvider('replayer');
    expect(back.status).toBe(303);
    const replayed = await test.http.get(`${callback.pathname}${callback.search}`).set('Cookie', binding);
    expect(replayed.status).toBe(400);
    expect(replayed.body.type).toBe('urn:amtsflow:problem:oidc-expired');
    const start = await test.http.get('/api/auth/oidc/login');
    const other = await signInAtProvider(start.headers.location, 'replayer');
    const noCookie = await test.http.get(`${other.pathname}${other.search}`);
    expect(noCookie.status).toBe(400);
  });

  it('refuses a tampered state', async () => {
    await createStaff(test.server, 'tampered', ['clerk']);
    const start = await test.http.get('/api/auth/oidc/login');
    const binding = ([] as string[]).concat(start.headers['set-cookie'] ?? []).find((c) => c.startsWith('amtsflow-oidc='))!.split(';')[0];
    const callback = await signInAtProvider(start.headers.location, 'tampered');
    callback.searchParams.set('state', 'forged');
    const response = await test.http.get(`${callback.pathname}${callback.search}`).set('Cookie', binding);
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('urn:amtsflow:problem:oidc-provider');
  });

  it('refuses a return address on another site', async () => {
    expect((await test.http.get('/api/auth/oidc/login?returnTo=//evil.example/')).status).toBe(400);
    expect((await test.http.get('/api/auth/oidc/login?returnTo=https://evil.example/')).status).toBe(400);
  });
});
