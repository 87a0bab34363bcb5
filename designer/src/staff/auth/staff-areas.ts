/** The staff app's work areas and the roles that open each; the navigation shows a user only theirs. */
import type { StaffMessageKey } from '../i18n/staff-messages.js';
import type { Role, StaffUser } from './auth-api.js';

export interface StaffArea {
  id: 'designer' | 'tasks' | 'operations' | 'invoices';
  path: string;
  label: StaffMessageKey;
  /** Any of these roles opens the area (the server's `access` of the area's routes). */
  roles: readonly Role[];
  /** A clerk of one of these departments opens it too (the server's department guard). */
  clerksOf?: readonly string[];
}

export const STAFF_AREAS: readonly StaffArea[] = [
  // The designer stays first: a process manager starts there.
  { id: 'designer', path: '/staff/designer', label: 'nav.designer', roles: ['process-manager'] },
  { id: 'tasks', path: '/staff/tasks', label: 'nav.tasks', roles: ['clerk', 'process-manager'] },
  { id: 'operations', path: '/staff/operations', label: 'nav.operations', roles: ['process-manager', 'admin'] },
  { id: 'invoices', path: '/staff/invoices', label: 'nav.invoices', roles: ['admin'], clerksOf: ['rechnungseingang'] },
];

export function areasOf(user: StaffUser): StaffArea[] {
  const isClerkOf = (departments: readonly string[] = []) => user.roles.includes('clerk') && departments.some((department) => user.departments.includes(department));
  return STAFF_AREAS.filter((area) => area.roles.some((role) => user.roles.includes(role)) || isClerkOf(area.clerksOf));
}

/** The area a path lies in, if the user may open it. */
export function openableArea(user: StaffUser, path: string): StaffArea | undefined {
  return areasOf(user).find((area) => path === area.path || path.startsWith(`${area.path}/`));
}
