/**
 * CSRF protection with a synchronizer token: every session has a random token, handed to the client in the sign-in
 * response and by GET /api/auth/session, and every state-changing request of a signed-in browser must echo it in
 * the X-CSRF-Token header. A cross-site page can make the browser send the cookie, but cannot read the token.
 * Requests without a session carry no ambient authority; the sign-in itself accepts only a JSON body, which a
 * cross-site form cannot send (and a cross-site fetch with it needs a CORS preflight this server never grants).
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpProblem, problemType } from '../http/problem.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method) || !req.auth) return next();
  const sent = req.get(CSRF_HEADER);
  const expected = Buffer.from(req.auth.session.csrfToken);
  if (sent === undefined || Buffer.byteLength(sent) !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) {
    throw new HttpProblem(403, {
      type: problemType('csrf-token'),
      title: 'CSRF token missing or wrong',
      detail: 'State-changing requests of a signed-in user must send the session\'s CSRF token in the X-CSRF-Token header.',
    });
  }
  next();
};
