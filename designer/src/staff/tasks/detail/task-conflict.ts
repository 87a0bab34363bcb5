/** What a clerk is told when the task moved on before their request reached it (the server's 409 and 410 problems). */
import { ApiProblem } from '../../../shared/http/api-problem.js';
import type { StaffMessageKey } from '../../i18n/staff-messages.js';

const CONFLICTS: Readonly<Record<string, StaffMessageKey>> = {
  'task-claimed': 'task.conflict.claimed',
  'task-completed': 'task.conflict.completed',
  'task-gone': 'task.conflict.gone',
  'task-completing': 'task.conflict.completing',
  'task-not-assigned-to-you': 'task.conflict.notYours',
  'form-unavailable': 'task.conflict.formUnavailable',
  'form-unusable': 'task.conflict.formUnavailable',
};

/** The message for a problem that says the task changed meanwhile, or undefined for any other failure. */
export function conflictMessage(error: unknown): StaffMessageKey | undefined {
  if (!(error instanceof ApiProblem) || (error.status !== 409 && error.status !== 410)) return undefined;
  return CONFLICTS[error.slug] ?? 'task.conflict.changed';
}

/** Whom the task went to, when someone else claimed it. */
export function conflictAssignee(error: unknown): string {
  const assignee = error instanceof ApiProblem ? error.extensions.assignee : undefined;
  return typeof assignee === 'string' ? assignee : '?';
}
