/** Staff sign-in with a password, sign-out, the current session, and changing one's own password. */
import type { Request, Response } from 'express';
import { requestOrigin } from '../audit/audit-log.js';
import { HttpProblem, problemType, validationProblem } from '../http/problem.js';
import { perAddressRateLimit } from '../http/rate-limit.js';
import type { RouteModule, ServerContext } from '../server-context.js';
import { clearCookie, sessionCookieName, setCookie } from './cookies.js';
import { hashPassword } from './passwords.js';
import { PasswordSignIn } from './password-sign-in.js';
import { staffOf } from './request-auth.js';
import { NEW_PASSWORD_SCHEMA, SESSION_SCHEMA, USERNAME_SCHEMA } from './schemas.js';
import type { StaffUser } from './staff-user.js';

const LOGIN_BODY = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: { username: USERNAME_SCHEMA, password: { type: 'string', minLength: 1, maxLength: 1024 } },
};

const PASSWORD_CHANGE_BODY = {
  type: 'object',
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
  properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 1024 }, newPassword: NEW_PASSWORD_SCHEMA },
};

const signInFailed = () => new HttpProblem(401, {
  type: problemType('sign-in-failed'),
  title: 'Sign-in failed',
  detail: 'The user name or password is wrong, or the account is disabled or locked. After repeated failures an account is locked for a while.',
});

/** Starts a session for `user`: the cookie, and the answer the client needs (with its CSRF token). */
export async function startSession(context: ServerContext, req: Request, res: Response, user: StaffUser, via: 'password' | 'oidc') {
  // A new session on every sign-in, and the old one ended: a session id planted before sign-in is worthless after it.
  if (req.auth) await context.sessions.delete(req.auth.session.tokenSha256);
  const { token, csrfToken, expiresAt } = await context.sessions.create(user.id, via);
  setCookie(res, context.cookies, sessionCookieName(context.cookies), token, context.config.session.absoluteHours * 3_600_000);
  await context.audit.record({ actor: { kind: 'staff', id: user.id, name: user.username }, action: 'user.signed-in', target: { kind: 'user', id: user.id }, details: { via }, clientAddress: req.ip });
  return { user, csrfToken, expiresAt, signedInVia: via };
}

export const authRoutes: RouteModule = {
  name: 'auth',
  register(routes, context) {
    const passwordSignIn = new PasswordSignIn(context.users, context.audit, context.config.lockout);
    const loginRateLimit = perAddressRateLimit(context.config.loginRateLimitPerMinute, 'Too many sign-in attempts from this address; wait a minute.');

    routes.add({
      method: 'get', path: '/api/auth/methods', operationId: 'getSignInMethods', tag: 'auth', access: 'public',
      summary: 'How staff can sign in here: password, and OIDC when an identity provider is configured',
      responses: { 200: { description: 'The sign-in methods', schema: { type: 'object', properties: { password: { type: 'boolean' }, oidc: { type: 'boolean' } } } } },
      handler: (_req, res) => res.json({ password: true, oidc: context.config.oidc !== undefined }),
    });

    routes.add({
      method: 'post', path: '/api/auth/login', operationId: 'signIn', tag: 'auth', access: 'public',
      summary: 'Sign in with user name and password',
      description: 'Sets the session cookie and answers with the session, including the CSRF token. Rate-limited per client address; an account is locked after repeated failures.',
      before: [loginRateLimit],
      body: { json: LOGIN_BODY },
      responses: { 200: { description: 'Signed in', schema: SESSION_SCHEMA }, 401: { description: 'Wrong user name or password, or the account is disabled or locked', contentType: 'application/problem+json' } },
      async handler(req, res, { body }) {
        const { username, password } = body as { username: string; password: string };
        const result = await passwordSignIn.signIn(username, password, req.ip);
        if (!result.ok) throw signInFailed();
        res.json(await startSession(context, req, res, result.user, 'password'));
      },
    });

    routes.add({
      method: 'post', path: '/api/auth/logout', operationId: 'signOut', tag: 'auth', access: 'signed-in',
      summary: 'Sign out: ends the session',
      responses: { 204: { description: 'Signed out' } },
      async handler(req, res) {
        const { user, session } = req.auth!;
        await context.sessions.delete(session.tokenSha256);
        clearCookie(res, context.cookies, sessionCookieName(context.cookies));
        await context.audit.record({ ...requestOrigin(req), action: 'user.signed-out', target: { kind: 'user', id: user.id } });
        res.status(204).end();
      },
    });

    routes.add({
      method: 'get', path: '/api/auth/session', operationId: 'getSession', tag: 'auth', access: 'signed-in',
      summary: 'The signed-in user, the session\'s CSRF token and when the session ends',
      responses: { 200: { description: 'The session', schema: SESSION_SCHEMA } },
      handler(req, res) {
        const { user, session } = req.auth!;
        res.json({ user, csrfToken: session.csrfToken, expiresAt: session.expiresAt, signedInVia: session.signedInVia });
      },
    });

    routes.add({
      method: 'post', path: '/api/auth/password', operationId: 'changeOwnPassword', tag: 'auth', access: 'signed-in',
      summary: 'Change one\'s own password; ends the user\'s other sessions',
      body: { json: PASSWORD_CHANGE_BODY },
      responses: { 204: { description: 'Changed' } },
      async handler(req, res, { body }) {
        const { currentPassword, newPassword } = body as { currentPassword: string; newPassword: string };
        const user = staffOf(req);
        if (!(await passwordSignIn.confirmPassword(user, currentPassword, req.ip))) {
          throw validationProblem([{ pointer: '/currentPassword', detail: 'is wrong' }]);
        }
        if (newPassword === currentPassword) {
          throw validationProblem([{ pointer: '/newPassword', detail: 'must differ from the current password' }]);
        }
        await context.users.setPassword(user.id, await hashPassword(newPassword), false);
        await context.sessions.deleteAllOf(user.id, req.auth!.session.tokenSha256);
        await context.audit.record({ ...requestOrigin(req), action: 'user.password-changed', target: { kind: 'user', id: user.id } });
        res.status(204).end();
      },
    });
  },
};
