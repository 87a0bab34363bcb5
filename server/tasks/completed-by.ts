/**
 * Who completed a user task, as the server knows it from the session: added to every completion's variables under
 * one reserved name, after the form's data, so nothing a clerk types can stand in for it. A process that needs the
 * name per task (the Rechnungsworkflow's four-eyes rule) maps it with an output mapping, say
 * `=completedBy.username` → `pruefung.geprueftVon`; without output mappings it is propagated like the form's data.
 */
import type { StaffUser } from '../identity/staff-user.js';

export const COMPLETED_BY_VARIABLE = 'completedBy';

export interface CompletedBy {
  /** The account's id (stable, opaque). */
  id: string;
  /** The sign-in name: unique, never changed, the name the task list assigns tasks by. */
  username: string;
  /** The display name, for forms and letters. */
  name: string;
}

export const COMPLETED_BY_SCHEMA = {
  type: 'object',
  description: 'Who completed the task, from the session; added by the server to every completion',
  properties: { id: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' } },
};

export function completedByOf(user: StaffUser): CompletedBy {
  return { id: user.id, username: user.username, name: user.displayName };
}
