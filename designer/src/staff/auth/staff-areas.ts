/**
 * The staff app's work areas and the role each needs; the navigation shows a user only theirs. The task list
 * (clerks) and operations come with their server APIs.
 */
import type { StaffMessageKey } from '../i18n/staff-messages.js';
import type { Role, StaffUser } from './auth-api.js';

export interface StaffArea {
  id: string;
  path: string;
  label: StaffMessageKey;
  role: Role;
}

export const STAFF_AREAS: readonly StaffArea[] = [
  { id: 'designer', path: '/staff/designer', label: 'nav.designer', role: 'process-manager' },
];

export function areasOf(user: StaffUser): StaffArea[] {
  return STAFF_AREAS.filter((area) => user.roles.includes(area.role));
}
