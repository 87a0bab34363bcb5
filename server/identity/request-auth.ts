/** Who sent a request: set by `authenticate` for a live staff session, read by the authorization middleware. */
import type { Request } from 'express';
import type { StaffUser } from './staff-user.js';
import type { StoredSession } from './session-store.js';

export interface RequestAuth {
  user: StaffUser;
  session: StoredSession;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in staff user and their session; undefined for anonymous requests (citizens). */
    auth?: RequestAuth;
  }
}

/** The signed-in staff user; only call behind `requireStaff`. */
export function staffOf(req: Request): StaffUser {
  if (!req.auth) throw new Error('staffOf called on a route without requireStaff');
  return req.auth.user;
}
