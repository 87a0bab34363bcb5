/**
 * What a citizen's status link shows: reference, service, where the case stands, and their own files; nothing of
 * the process's variables or of anyone else. The state is derived: `received` until a clerk took up a task of the
 * instance, then `in-progress`; `completed` when the instance ended, `rejected` when it was cancelled or ended with
 * the variable `rejected` = true. Instance states come from the embedded engine's exporter tables; against a remote
 * Zeebe only the task list tells, so a case shows no further than `in-progress`. An open case of a service that takes
 * documents later says so.
 */
import type { OperationsSource } from '../operations/operations-source.js';
import type { SqlClient } from '../storage/server-storage.js';
import type { PortalService } from './service-store.js';
import type { StoredFile, StoredSubmission } from './submission-store.js';

export type CaseState = 'received' | 'in-progress' | 'completed' | 'rejected';

export interface SubmissionStatus {
  reference: string;
  service: { id: string; title: string };
  state: CaseState;
  submittedAt: string;
  /** When the case ended (completed or rejected), as far as known. */
  closedAt: string | null;
  attachments: { id: string; name: string; contentType: string; size: number }[];
  /** Whether the citizen can hand in documents later now: the service takes them and the case is open. */
  acceptsLaterDocuments: boolean;
}

export const SUBMISSION_STATUS_SCHEMA = {
  type: 'object',
  properties: {
    reference: { type: 'string', examples: ['HUND-2026-000123'] },
    service: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
    state: { enum: ['received', 'in-progress', 'completed', 'rejected'] },
    submittedAt: { type: 'string', format: 'date-time' },
    closedAt: { type: ['string', 'null'], format: 'date-time' },
    attachments: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' } } } },
    acceptsLaterDocuments: { type: 'boolean', description: 'Whether documents can be handed in now (`POST …/documents`): the service takes them and the case is open' },
  },
};

export async function statusOf(
  { sql, source }: { sql: SqlClient; source?: Pick<OperationsSource, 'processInstance' | 'variable'> },
  submission: StoredSubmission,
  service: PortalService | undefined,
  files: StoredFile[],
): Promise<SubmissionStatus> {
  const { state, closedAt } = await caseStateOf(sql, source, submission.processInstanceKey);
  return {
    reference: submission.reference,
    service: { id: submission.serviceId, title: service?.title ?? submission.serviceId },
    state,
    submittedAt: submission.createdAt,
    closedAt,
    attachments: files.map(({ id, name, contentType, size }) => ({ id, name, contentType, size })),
    acceptsLaterDocuments: isOpen(state) && Boolean(service?.laterDocuments),
  };
}

export const isOpen = (state: CaseState) => state === 'received' || state === 'in-progress';

export async function caseStateOf(
  sql: SqlClient, source: Pick<OperationsSource, 'processInstance' | 'variable'> | undefined, instanceKey: string | null,
): Promise<{ state: CaseState; closedAt: string | null }> {
  if (instanceKey === null) return { state: 'received', closedAt: null };
  const instance = source && await source.processInstance(instanceKey);
  if (instance && instance.state !== 'ACTIVE') {
    const closedAt = instance.endTime?.toISOString() ?? null;
    if (instance.state === 'CANCELED') return { state: 'rejected', closedAt };
    const rejected = await source!.variable(instanceKey, 'rejected');
    return { state: rejected?.value === 'true' ? 'rejected' : 'completed', closedAt };
  }
  const [tasks] = await sql.query<{ taken_up: number }>(
    `SELECT count(*) FILTER (WHERE state IN ('completing', 'completed') OR assignee IS NOT NULL)::int AS taken_up FROM tasks WHERE process_instance_key = $1`,
    [instanceKey],
  );
  return { state: tasks.taken_up > 0 ? 'in-progress' : 'received', closedAt: null };
}
