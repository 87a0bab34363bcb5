/**
 * Reads the session cookie and, for a live session of an enabled user, sets `req.auth`. A cookie that names no live
 * session is cleared; the request goes on as anonymous.
 */
import type { RequestHandler } from 'express';
import { clearCookie, readCookie, sessionCookieName, type CookiePolicy } from './cookies.js';
import type { SessionStore } from './session-store.js';
import type { UserStore } from './user-store.js';

export function authenticate(sessions: SessionStore, users: UserStore, cookies: CookiePolicy): RequestHandler {
  const cookieName = sessionCookieName(cookies);
  return async (req, res, next) => {
    const token = readCookie(req, cookieName);
    if (token === undefined) return next();
    const session = await sessions.find(token);
    const user = session && (await users.byId(session.userId));
    if (!session || !user || user.disabled) {
      clearCookie(res, cookies, cookieName);
      return next();
    }
    if (session.stale) await sessions.touch(session.tokenSha256);
    req.auth = { user, session };
    next();
  };
}
