/**
 * How clerks tell cases apart: by the case's Aktenzeichen, or by its process instance's number ("Vorgang 2251…")
 * for a process that keeps none.
 */
import type { Translator } from '../../shared/i18n/translator.js';
import type { StaffMessageKey } from '../i18n/staff-messages.js';
import type { TaskSummary } from './tasks-api.js';

export function caseReference(task: Pick<TaskSummary, 'aktenzeichen' | 'processInstanceKey'>, t: Translator<StaffMessageKey>['t']): string {
  return task.aktenzeichen ?? t('tasks.caseOf', { key: task.processInstanceKey });
}
