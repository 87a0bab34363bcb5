/**
 * The authorization middleware route modules put in front of their handlers:
 * `requireStaff()` any signed-in staff user, `requireStaff('admin')` one of the given roles, and
 * `requireDepartment(req => task.candidateGroups)` a clerk of one of the departments a request is about.
 * Anonymous requests get 401, signed-in users without the right 403.
 */
import type { Request, RequestHandler } from 'express';
import { HttpProblem, problemType } from '../http/problem.js';
import type { Role } from './roles.js';
import { hasRole, isClerkOfAny } from './staff-user.js';

export const signInRequired = () =>
  new HttpProblem(401, { type: problemType('sign-in-required'), title: 'Sign-in required', detail: 'Sign in as a staff member first.' });

export const forbidden = (detail: string) => new HttpProblem(403, { type: problemType('forbidden'), title: 'Forbidden', detail });

export interface StaffRequirement {
  /** Let a user through whose password must be changed first (the routes that let them change it). */
  allowPendingPasswordChange?: boolean;
}

/** A signed-in staff user holding one of `roles` (any staff user when none are given). */
export function requireStaff(...roles: Role[]): RequestHandler {
  return staffGuard(roles, {});
}

export function staffGuard(roles: readonly Role[], { allowPendingPasswordChange = false }: StaffRequirement): RequestHandler {
  return (req, _res, next) => {
    const user = req.auth?.user;
    if (!user) throw signInRequired();
    if (user.mustChangePassword && !allowPendingPasswordChange) {
      throw new HttpProblem(403, {
        type: problemType('password-change-required'),
        title: 'Password change required',
        detail: 'Choose a new password (POST /api/auth/password) before doing anything else.',
      });
    }
    if (roles.length > 0 && !roles.some((role) => hasRole(user, role))) {
      throw forbidden(`This needs the role ${roles.join(' or ')}.`);
    }
    next();
  };
}

export interface DepartmentRequirement {
  /** Roles that pass without belonging to a department (say, process managers looking into any task). */
  orRoles?: Role[];
}

/**
 * A clerk of one of the departments `departmentsOf` finds for the request (a task's candidate groups). Put it after
 * `requireStaff`; a resource that does not exist should answer 404 from inside `departmentsOf` (throw an HttpProblem).
 */
export function requireDepartment(
  departmentsOf: (req: Request) => Iterable<string> | Promise<Iterable<string>>,
  { orRoles = [] }: DepartmentRequirement = {},
): RequestHandler {
  return async (req, _res, next) => {
    const user = req.auth?.user;
    if (!user) throw signInRequired();
    if (orRoles.some((role) => hasRole(user, role))) return next();
    if (!isClerkOfAny(user, await departmentsOf(req))) throw forbidden('This belongs to a department you are not a clerk of.');
    next();
  };
}
