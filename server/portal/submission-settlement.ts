/**
 * Asking the engine for a submission's instance and recording the outcome: shared by the submission request and the
 * background settling of submissions a crash left pending. The instance gets the cleaned form data plus
 * `submissionId` and `submissionReference`, by which it can be found again.
 */
import type { ZBClient } from 'zeebe-node';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { GatewayError } from '../http/gateway-problem.js';
import type { SqlClient } from '../storage/server-storage.js';
import type { StoredSubmission, SubmissionStore } from './submission-store.js';

export const SUBMISSION_ID_VARIABLE = 'submissionId';

/** gRPC codes by which the engine refuses the instance for good (the process version is gone, the data is refused). */
const REFUSED_FOR_GOOD = new Set([3, 5, 9]);

export type InstanceOutcome = { started: string } | { refused: string } | { unreachable: unknown };

type SubmissionToStart = Pick<StoredSubmission, 'id' | 'reference' | 'bpmnProcessId' | 'processVersion' | 'data'>;

export async function startInstance(zeebe: ZBClient, submission: SubmissionToStart): Promise<InstanceOutcome> {
  try {
    const created = await zeebe.createProcessInstance({
      bpmnProcessId: submission.bpmnProcessId,
      version: submission.processVersion,
      variables: { ...submission.data, [SUBMISSION_ID_VARIABLE]: submission.id, submissionReference: submission.reference },
    });
    return { started: String(created.processInstanceKey) };
  } catch (error) {
    const { code, details, message } = (error ?? {}) as GatewayError;
    if (code !== undefined && REFUSED_FOR_GOOD.has(code)) return { refused: details || message || 'The engine refused the instance.' };
    return { unreachable: error };
  }
}

export interface SettlementDeps {
  sql: SqlClient;
  store: SubmissionStore;
  audit: AuditLog;
}

/** Records what became of the instance, audited in the same transaction; false when someone settled it first. */
export function recordOutcome(
  { sql, store, audit }: SettlementDeps,
  submission: Pick<StoredSubmission, 'id' | 'reference' | 'serviceId'>,
  outcome: { started: string } | { refused: string } | { unconfirmed: true },
  origin: { actor: AuditActor; clientAddress?: string },
  details: Record<string, unknown> = {},
): Promise<boolean> {
  return sql.transaction(async (tx) => {
    // A confirmation lost in a crash is found again: the row stays pending and the instance carries its submissionId.
    // So it need not wait for the disk, which saves a flush per submission.
    if ('started' in outcome) await tx.query('SET LOCAL synchronous_commit = off');
    const settled = 'started' in outcome
      ? await store.settle(tx, submission.id, { state: 'confirmed', processInstanceKey: outcome.started })
      : 'refused' in outcome
        ? await store.settle(tx, submission.id, { state: 'failed', failure: outcome.refused.slice(0, 1000) })
        : await store.settle(tx, submission.id, { state: 'unconfirmed' });
    if (!settled) return false;
    const action = 'started' in outcome ? 'submission.received' : 'refused' in outcome ? 'submission.failed' : 'submission.unconfirmed';
    await audit.record({
      ...origin,
      action,
      target: { kind: 'submission', id: submission.reference },
      details: {
        serviceId: submission.serviceId,
        ...('started' in outcome ? { processInstanceKey: outcome.started } : {}),
        ...('refused' in outcome ? { reason: outcome.refused.slice(0, 1000) } : {}),
        ...details,
      },
    }, tx);
    return true;
  });
}
