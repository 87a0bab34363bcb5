/** Admins manage staff accounts: create, change roles and departments, disable, reset passwords. Every change is audited. */
import { requestOrigin } from '../audit/audit-log.js';
import { HttpProblem, notFound, problemType } from '../http/problem.js';
import type { RouteModule } from '../server-context.js';
import type { SqlSession } from '../storage/server-storage.js';
import { hashPassword } from './passwords.js';
import type { Role } from './roles.js';
import { DEPARTMENTS_SCHEMA, DISPLAY_NAME_SCHEMA, NEW_PASSWORD_SCHEMA, ROLES_SCHEMA, USER_SCHEMA, USERNAME_SCHEMA } from './schemas.js';
import { randomToken } from './session-store.js';
import { UsernameTakenError, type UserChanges } from './user-store.js';

const USER_ID_PARAM = { userId: { type: 'string', minLength: 1, maxLength: 64 } };

const CREATE_BODY = {
  type: 'object',
  required: ['username', 'displayName'],
  additionalProperties: false,
  properties: {
    username: USERNAME_SCHEMA,
    displayName: DISPLAY_NAME_SCHEMA,
    roles: ROLES_SCHEMA,
    departments: DEPARTMENTS_SCHEMA,
    password: { ...NEW_PASSWORD_SCHEMA, description: 'An initial password, to be changed at the first sign-in; a random one is made and answered when omitted.' },
    oidcOnly: { type: 'boolean', description: 'The user signs in only through the identity provider and has no password.' },
  },
};

const UPDATE_BODY = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { displayName: DISPLAY_NAME_SCHEMA, roles: ROLES_SCHEMA, departments: DEPARTMENTS_SCHEMA, disabled: { type: 'boolean' } },
};

const RESET_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: { password: { ...NEW_PASSWORD_SCHEMA, description: 'The temporary password; a random one is made and answered when omitted.' } },
};

const TEMPORARY_PASSWORD = { type: 'string', description: 'Shown once: hand it to the user, who must change it at the first sign-in.' };

/** 24 random bytes in base64url: 32 characters, well over the minimum length. */
const temporaryPassword = () => randomToken().slice(0, 32);

export const userAdminRoutes: RouteModule = {
  name: 'user-admin',
  register(routes, context) {
    const { users, audit, sessions } = context;

    routes.add({
      method: 'get', path: '/api/admin/users', operationId: 'listUsers', tag: 'admin', access: ['admin'],
      summary: 'All staff accounts',
      responses: { 200: { description: 'The users, by user name', schema: { type: 'object', properties: { users: { type: 'array', items: USER_SCHEMA } } } } },
      handler: async (_req, res) => res.json({ users: await users.list() }),
    });

    routes.add({
      method: 'post', path: '/api/admin/users', operationId: 'createUser', tag: 'admin', access: ['admin'],
      summary: 'Create a staff account',
      body: { json: CREATE_BODY },
      responses: {
        201: { description: 'Created', schema: { type: 'object', properties: { user: USER_SCHEMA, temporaryPassword: TEMPORARY_PASSWORD } } },
        409: { description: 'The user name is taken', contentType: 'application/problem+json' },
      },
      async handler(req, res, { body }) {
        const input = body as { username: string; displayName: string; roles?: Role[]; departments?: string[]; password?: string; oidcOnly?: boolean };
        const generated = input.oidcOnly || input.password !== undefined ? undefined : temporaryPassword();
        const password = input.password ?? generated;
        const user = await context.sql.transaction(async (tx) => {
          const created = await users.create({
            username: input.username,
            displayName: input.displayName,
            passwordHash: password === undefined || input.oidcOnly ? null : await hashPassword(password),
            roles: input.roles ?? [],
            departments: input.departments ?? [],
            mustChangePassword: !input.oidcOnly,
          }, tx).catch(conflictOnTakenName);
          await audit.record({
            ...requestOrigin(req), action: 'user.created', target: { kind: 'user', id: created.id },
            details: { username: created.username, roles: created.roles, departments: created.departments, oidcOnly: input.oidcOnly ?? false },
          }, tx);
          return created;
        });
        res.status(201).json({ user, ...(generated === undefined ? {} : { temporaryPassword: generated }) });
      },
    });

    routes.add({
      method: 'get', path: '/api/admin/users/:userId', operationId: 'getUser', tag: 'admin', access: ['admin'],
      summary: 'One staff account',
      params: USER_ID_PARAM,
      responses: { 200: { description: 'The user', schema: USER_SCHEMA }, 404: { description: 'No such user', contentType: 'application/problem+json' } },
      async handler(_req, res, { params }) {
        res.json(await users.byId(params.userId) ?? throwNoSuchUser());
      },
    });

    routes.add({
      method: 'patch', path: '/api/admin/users/:userId', operationId: 'updateUser', tag: 'admin', access: ['admin'],
      summary: 'Change a staff account\'s name, roles, departments, or disable/enable it',
      description: 'Disabling ends the user\'s sessions. The last enabled admin can neither lose the role nor be disabled.',
      params: USER_ID_PARAM,
      body: { json: UPDATE_BODY },
      responses: {
        200: { description: 'The changed user', schema: USER_SCHEMA },
        404: { description: 'No such user', contentType: 'application/problem+json' },
        409: { description: 'It would leave no enabled admin', contentType: 'application/problem+json' },
      },
      async handler(req, res, { params, body }) {
        const changes = body as UserChanges;
        const user = await context.sql.transaction(async (tx) => {
          const before = await users.rowById(params.userId, tx) ?? throwNoSuchUser();
          const after = (await users.update(params.userId, changes, tx))!;
          await requireAnEnabledAdmin(tx);
          await audit.record({
            ...requestOrigin(req), action: 'user.updated', target: { kind: 'user', id: after.id },
            details: { changes, before: { displayName: before.display_name, roles: before.roles, departments: before.departments, disabled: before.disabled } },
          }, tx);
          return after;
        });
        if (user.disabled) await sessions.deleteAllOf(user.id);
        res.json(user);
      },
    });

    routes.add({
      method: 'post', path: '/api/admin/users/:userId/password-reset', operationId: 'resetUserPassword', tag: 'admin', access: ['admin'],
      summary: 'Give a user a temporary password (to be changed at the next sign-in); lifts a lockout and ends their sessions',
      params: USER_ID_PARAM,
      body: { json: RESET_BODY },
      responses: {
        200: { description: 'Reset', schema: { type: 'object', properties: { user: USER_SCHEMA, temporaryPassword: TEMPORARY_PASSWORD } } },
        404: { description: 'No such user', contentType: 'application/problem+json' },
      },
      async handler(req, res, { params, body }) {
        const given = (body as { password?: string }).password;
        const password = given ?? temporaryPassword();
        const user = await context.sql.transaction(async (tx) => {
          const changed = await users.setPassword(params.userId, await hashPassword(password), true, tx) ?? throwNoSuchUser();
          await audit.record({ ...requestOrigin(req), action: 'user.password-reset', target: { kind: 'user', id: changed.id } }, tx);
          return changed;
        });
        await sessions.deleteAllOf(user.id);
        res.json({ user, ...(given === undefined ? { temporaryPassword: password } : {}) });
      },
    });
  },
};

function throwNoSuchUser(): never {
  throw notFound('There is no user with this id.');
}

function conflictOnTakenName(error: unknown): never {
  if (error instanceof UsernameTakenError) throw new HttpProblem(409, { type: problemType('username-taken'), detail: error.message, errors: [{ pointer: '/username', detail: 'is taken' }] });
  throw error;
}

async function requireAnEnabledAdmin(tx: SqlSession): Promise<void> {
  const [row] = await tx.query<{ admins: number }>(`SELECT count(*)::int AS admins FROM users WHERE NOT disabled AND 'admin' = ANY (roles)`);
  if (row.admins === 0) {
    throw new HttpProblem(409, { type: problemType('last-admin'), detail: 'This would leave no enabled admin; make someone else admin first.' });
  }
}
