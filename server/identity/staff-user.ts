/** A staff account as the rest of the server sees it (never with its password hash). */
import type { Role } from './roles.js';

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departments: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  /** Whether the account can sign in with a password (OIDC-only accounts cannot). */
  hasPassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export const hasRole = (user: StaffUser, role: Role) => user.roles.includes(role);

/** Whether the user is a clerk of one of the given departments (candidate groups). */
export function isClerkOfAny(user: StaffUser, departments: Iterable<string>): boolean {
  if (!hasRole(user, 'clerk')) return false;
  for (const department of departments) if (user.departments.includes(department)) return true;
  return false;
}
