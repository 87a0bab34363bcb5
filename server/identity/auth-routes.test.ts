import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_PASSWORD, as, createStaff, sessionCookieOf, signIn, startTestServer, STAFF_PASSWORD, type TestServer } from '../tests/test-server.js';

let test: TestServer;
beforeAll(async () => {
  test = await startTestServer();
});
afterAll(async () => test.stop());

const auditOf = async (action: string) => (await test.server.context.audit.list({ action, limit: 200 })).entries;

describe('password sign-in', () => {
  it('creates the first admin from AMTSFLOW_ADMIN_PASSWORD and signs in with an HttpOnly, SameSite session cookie', async () => {
    expect(test.server.bootstrappedAdmin).toEqual({ username: 'admin', generatedPassword: undefined });
    const response = await test.http.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ user: { username: 'admin', roles: ['admin'], mustChangePassword: false }, signedInVia: 'password' });
    expect(response.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.body.user.passwordHash).toBeUndefined();
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('amtsflow-session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('answers a wrong password, an unknown user and a malformed body with problem+json', async () => {
    await createStaff(test.server, 'wrong-pw', ['clerk']);
    const wrong = await test.http.post('/api/auth/login').send({ username: 'wrong-pw', password: 'nope' });
    const unknown = await test.http.post('/api/auth/login').send({ username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toEqual({ ...wrong.body });
    const malformed = await test.http.post('/api/auth/login').send({ username: 7, extra: true });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual(expect.arrayContaining([
      { pointer: '/username', detail: 'must be string' },
      { pointer: '/password', detail: expect.stringContaining('password') },
      { pointer: '/extra', detail: 'is not a known field' },
    ]));
    const asForm = await test.http.post('/api/auth/login').type('form').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(asForm.status).toBe(415);
    const broken = await test.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":');
    expect(broken.status).toBe(400);
    expect(broken.body.type).toBe('urn:amtsflow:problem:malformed-body');
  });

  it('locks an account for 15 minutes after five wrong passwords in a row, audited, and a reset lifts it', async () => {
    const user = await createStaff(test.server, 'lock-me', ['clerk']);
    for (let i = 0; i < 5; i++) {
      expect((await test.http.post('/api/auth/login').send({ username: 'lock-me', password: `wrong ${i}` })).status).toBe(401);
    }
    expect((await test.http.post('/api/auth/login').send({ username: 'lock-me', password: STAFF_PASSWORD })).status).toBe(401);
    const locked = await auditOf('user.locked');
    expect(locked.filter((entry) => entry.target?.id === user.id)).toHaveLength(1);
    const until = new Date(locked[0].details.lockedUntil as string).getTime() - new Date(locked[0].at).getTime();
    expect(Math.round(until / 60_000)).toBe(15);
    const failures = (await auditOf('user.sign-in-failed')).filter((entry) => entry.actor.id === user.id);
    expect(failures.map((entry) => entry.details.reason)).toContain('locked');

    const admin = await signIn(test, 'admin', ADMIN_PASSWORD);
    const reset = await as(test, admin, 'post', `/api/admin/users/${user.id}/password-reset`).send({ password: 'a new temporary password' });
    expect(reset.status).toBe(200);
    expect(reset.body.user.lockedUntil).toBeNull();
    const after = await test.http.post('/api/auth/login').send({ username: 'lock-me', password: 'a new temporary password' });
    expect(after.status).toBe(200);
    expect(after.body.user.mustChangePassword).toBe(true);
  });

  it('counts only consecutive failures: a successful sign-in starts the count again', async () => {
    await createStaff(test.server, 'forgetful', ['clerk']);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await test.http.post('/api/auth/login').send({ username: 'forgetful', password: 'wrong' });
      expect((await test.http.post('/api/auth/login').send({ username: 'forgetful', password: STAFF_PASSWORD })).status).toBe(200);
    }
  });

  it('refuses a disabled account', async () => {
    const user = await createStaff(test.server, 'gone', ['clerk']);
    await test.server.context.users.update(user.id, { disabled: true });
    expect((await test.http.post('/api/auth/login').send({ username: 'gone', password: STAFF_PASSWORD })).status).toBe(401);
  });
});

describe('sessions', () => {
  it('tells the signed-in user who they are, and nobody else', async () => {
    await createStaff(test.server, 'clara', ['clerk'], ['kaemmerei']);
    const clara = await signIn(test, 'clara');
    const session = await as(test, clara, 'get', '/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: { username: 'clara', departments: ['kaemmerei'] }, csrfToken: clara.csrfToken });
    expect((await test.http.get('/api/auth/session')).status).toBe(401);
    expect((await test.http.get('/api/auth/session').set('Cookie', 'amtsflow-session=forged-token')).status).toBe(401);
  });

  it('refuses a state-changing request of a signed-in user without the CSRF token', async () => {
    await createStaff(test.server, 'csrf-victim', ['clerk']);
    const victim = await signIn(test, 'csrf-victim');
    const without = await test.http.post('/api/auth/logout').set('Cookie', victim.cookie);
    expect(without.status).toBe(403);
    expect(without.body.type).toBe('urn:amtsflow:problem:csrf-token');
    const wrong = await test.http.post('/api/auth/logout').set('Cookie', victim.cookie).set('X-CSRF-Token', 'x'.repeat(43));
    expect(wrong.status).toBe(403);
    expect((await as(test, victim, 'get', '/api/auth/session')).status).toBe(200);
  });

  it('signs out: the session ends, the cookie is cleared, and it is audited', async () => {
    await createStaff(test.server, 'leaver', ['clerk']);
    const leaver = await signIn(test, 'leaver');
    const out = await as(test, leaver, 'post', '/api/auth/logout');
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/amtsflow-session=;/);
    expect((await as(test, leaver, 'get', '/api/auth/session')).status).toBe(401);
    expect((await auditOf('user.signed-out')).some((entry) => entry.actor.id === leaver.userId)).toBe(true);
  });

  it('replaces the session at sign-in, so a planted session id is worthless', async () => {
    await createStaff(test.server, 'fixated', ['clerk']);
    const first = await signIn(test, 'fixated');
    const second = await test.http.post('/api/auth/login').set('Cookie', first.cookie).set('X-CSRF-Token', first.csrfToken)
      .send({ username: 'fixated', password: STAFF_PASSWORD });
    expect(second.status).toBe(200);
    expect(sessionCookieOf(second.headers['set-cookie'])).not.toBe(first.cookie);
    expect((await as(test, first, 'get', '/api/auth/session')).status).toBe(401);
  });

  it('makes a user with a temporary password change it before anything else, then ends their other sessions', async () => {
    const admin = await signIn(test, 'admin', ADMIN_PASSWORD);
    const created = await as(test, admin, 'post', '/api/admin/users').send({ username: 'newbie', displayName: 'New Bie', roles: ['admin'] });
    expect(created.status).toBe(201);
    const temporary = created.body.temporaryPassword as string;
    const newbie = await signIn(test, 'newbie', temporary);
    const other = await signIn(test, 'newbie', temporary);
    const blocked = await as(test, newbie, 'get', '/api/admin/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body.type).toBe('urn:amtsflow:problem:password-change-required');
    const wrongCurrent = await as(test, newbie, 'post', '/api/auth/password').send({ currentPassword: 'not it', newPassword: 'my very own password' });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.errors).toEqual([{ pointer: '/currentPassword', detail: 'is wrong' }]);
    const tooShort = await as(test, newbie, 'post', '/api/auth/password').send({ currentPassword: temporary, newPassword: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors[0].pointer).toBe('/newPassword');
    expect((await as(test, newbie, 'post', '/api/auth/password').send({ currentPassword: temporary, newPassword: 'my very own password' })).status).toBe(204);
    expect((await as(test, newbie, 'get', '/api/admin/users')).status).toBe(200);
    expect((await as(test, other, 'get', '/api/auth/session')).status).toBe(401);
    expect((await auditOf('user.password-changed')).some((entry) => entry.actor.id === newbie.userId)).toBe(true);
  });

  it('audits each sign-in with the client address', async () => {
    const signedIn = await auditOf('user.signed-in');
    expect(signedIn.length).toBeGreaterThan(0);
    expect(signedIn[0]).toMatchObject({ actor: { kind: 'staff' }, details: { via: 'password' }, clientAddress: expect.any(String) });
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 problem+json once a client address has used up its sign-in attempts', async () => {
    const limited = await startTestServer({ env: { AMTSFLOW_LOGIN_RATE_LIMIT: '3' } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.http.post('/api/auth/login').send({ username: 'x', password: 'y' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await limited.http.post('/api/auth/login').send({ username: 'x', password: 'y' });
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.headers.ratelimit).toBeDefined();
    } finally {
      await limited.stop();
    }
  });
});
