import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_PASSWORD, as, createStaff, signIn, startTestServer, STAFF_PASSWORD, type Credentials, type TestServer } from '../tests/test-server.js';

let test: TestServer;
let admin: Credentials;
beforeAll(async () => {
  test = await startTestServer();
  admin = await signIn(test, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => test.stop());

const audit = async (action: string) => (await as(test, admin, 'get', `/api/admin/audit?action=${action}`)).body.entries;

describe('user administration', () => {
  it('creates a clerk with departments and a temporary password shown once', async () => {
    const response = await as(test, admin, 'post', '/api/admin/users')
      .send({ username: 'k.schmidt', displayName: 'Karin Schmidt', roles: ['clerk'], departments: ['kaemmerei', 'ordnungsamt'] });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ username: 'k.schmidt', roles: ['clerk'], departments: ['kaemmerei', 'ordnungsamt'], mustChangePassword: true, hasPassword: true });
    expect(response.body.temporaryPassword).toHaveLength(32);
    expect((await test.http.post('/api/auth/login').send({ username: 'k.schmidt', password: response.body.temporaryPassword })).status).toBe(200);
    const [created] = await audit('user.created');
    expect(created).toMatchObject({ actor: { kind: 'staff', id: admin.userId, name: 'admin' }, target: { kind: 'user', id: response.body.user.id }, details: { roles: ['clerk'] } });
    expect(JSON.stringify(created)).not.toContain(response.body.temporaryPassword);
  });

  it('refuses a taken user name, an unknown role and a department id that cannot be a candidate group', async () => {
    const taken = await as(test, admin, 'post', '/api/admin/users').send({ username: 'K.Schmidt', displayName: 'x' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([{ pointer: '/username', detail: 'is taken' }]);
    const bad = await as(test, admin, 'post', '/api/admin/users').send({ username: 'x', displayName: 'x', roles: ['superuser'], departments: ['has space'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/roles/0', '/departments/0']));
  });

  it('creates an OIDC-only account without a password', async () => {
    const response = await as(test, admin, 'post', '/api/admin/users').send({ username: 'sso.user', displayName: 'SSO', roles: ['clerk'], oidcOnly: true });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ hasPassword: false, mustChangePassword: false });
    expect(response.body.temporaryPassword).toBeUndefined();
  });

  it('changes roles and departments, audited with what was before', async () => {
    const user = await createStaff(test.server, 'promote-me', ['clerk'], ['kaemmerei']);
    const response = await as(test, admin, 'patch', `/api/admin/users/${user.id}`).send({ roles: ['clerk', 'process-manager'], departments: ['standesamt'] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ roles: ['clerk', 'process-manager'], departments: ['standesamt'] });
    expect((await audit('user.updated'))[0].details).toEqual({
      changes: { roles: ['clerk', 'process-manager'], departments: ['standesamt'] },
      before: { displayName: 'promote-me', roles: ['clerk'], departments: ['kaemmerei'], disabled: false },
    });
    expect((await as(test, admin, 'patch', `/api/admin/users/${user.id}`).send({})).status).toBe(400);
    expect((await as(test, admin, 'patch', '/api/admin/users/no-such-user').send({ disabled: true })).status).toBe(404);
  });

  it('disabling a user ends their sessions at once', async () => {
    const user = await createStaff(test.server, 'to-disable', ['clerk']);
    const session = await signIn(test, 'to-disable');
    expect((await as(test, admin, 'patch', `/api/admin/users/${user.id}`).send({ disabled: true })).status).toBe(200);
    expect((await as(test, session, 'get', '/api/auth/session')).status).toBe(401);
    expect((await test.http.post('/api/auth/login').send({ username: 'to-disable', password: STAFF_PASSWORD })).status).toBe(401);
  });

  it('never leaves the platform without an enabled admin', async () => {
    const self = await as(test, admin, 'patch', `/api/admin/users/${admin.userId}`).send({ roles: ['clerk'] });
    expect(self.status).toBe(409);
    expect(self.body.type).toBe('urn:amtsflow:problem:last-admin');
    expect((await as(test, admin, 'get', `/api/admin/users/${admin.userId}`)).body.roles).toEqual(['admin']);
  });

  it('resets a password to a random temporary one and ends the user\'s sessions', async () => {
    const user = await createStaff(test.server, 'forgot', ['clerk']);
    const session = await signIn(test, 'forgot');
    const reset = await as(test, admin, 'post', `/api/admin/users/${user.id}/password-reset`).send({});
    expect(reset.status).toBe(200);
    expect(reset.body.user.mustChangePassword).toBe(true);
    expect((await as(test, session, 'get', '/api/auth/session')).status).toBe(401);
    expect((await test.http.post('/api/auth/login').send({ username: 'forgot', password: reset.body.temporaryPassword })).status).toBe(200);
    expect((await audit('user.password-reset'))[0].target.id).toBe(user.id);
  });

  it('lists users', async () => {
    const response = await as(test, admin, 'get', '/api/admin/users');
    expect(response.body.users.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['admin', 'k.schmidt', 'sso.user']));
  });
});

describe('the audit route', () => {
  it('filters, pages by cursor, and refuses bad filters with field errors', async () => {
    const first = await as(test, admin, 'get', '/api/admin/audit?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(2);
    const second = await as(test, admin, 'get', `/api/admin/audit?limit=2&before=${first.body.nextCursor}`);
    expect(Number(second.body.entries[0].id)).toBeLessThan(Number(first.body.entries[1].id));
    const mine = await as(test, admin, 'get', `/api/admin/audit?actorId=${admin.userId}&limit=200`);
    expect(mine.body.entries.every((entry: { actor: { id: string } }) => entry.actor.id === admin.userId)).toBe(true);
    const bad = await as(test, admin, 'get', '/api/admin/audit?limit=1000&from=yesterday&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['#/query/colour', '#/query/from', '#/query/limit']);
  });

  it('has no route that changes an entry', async () => {
    expect((await as(test, admin, 'delete', '/api/admin/audit')).status).toBe(404);
    expect((await as(test, admin, 'patch', '/api/admin/audit')).status).toBe(404);
  });
});
