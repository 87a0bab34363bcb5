import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from '../tests/test-server.js';

describe('the first admin without AMTSFLOW_ADMIN_PASSWORD', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer({ config: { adminPassword: undefined } });
  });
  afterAll(async () => test.stop());

  it('gets a random password, given once, that must be changed at the first sign-in; audited', async () => {
    const admin = test.server.bootstrappedAdmin!;
    expect(admin.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const signedIn = await test.http.post('/api/auth/login').send({ username: 'admin', password: admin.generatedPassword });
    expect(signedIn.body.user).toMatchObject({ roles: ['admin'], mustChangePassword: true });
    const created = await test.server.context.audit.list({ action: 'user.created', limit: 1 });
    expect(created.entries[0]).toMatchObject({ actor: { kind: 'system' }, details: { bootstrap: true } });
  });
});
