/**
 * Asking the engine for a submission's instance and recording the outcome: shared by the submission request and the
 * background settling of submissions a crash left pending. The instance gets the cleaned form data plus
 * `submissionId` and `submissionReference`, by which it can be found again.
 */
import type { ZBClient } from 'zeebe-node';
import type { AuditActor, AuditEntryInput, AuditLog } from '../audit/audit-log.js';
import type { GatewayError } from '../http/gateway-problem.js';
import type { SqlClient, SqlSession } from '../storage/server-storage.js';
import { GroupCommit } from '../storage/group-commit.js';
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

export type Outcome = { started: string } | { refused: string } | { unconfirmed: true };

export interface Settlement {
  submission: Pick<StoredSubmission, 'id' | 'reference' | 'serviceId'>;
  outcome: Outcome;
  origin: { actor: AuditActor; clientAddress?: string };
  details?: Record<string, unknown>;
}

/** Records what became of the instance, audited in the same transaction; false when someone settled it first. */
export function recordOutcome(deps: SettlementDeps, settlement: Settlement): Promise<boolean> {
  return deps.sql.transaction((tx) => settleInTransaction(deps, tx, settlement));
}

/** A settlement whose instance the engine acknowledged. */
export type Confirmation = Settlement & { outcome: { started: string } };

/**
 * The submissions whose instance the engine just acknowledged, confirmed in groups (`GroupCommit`): one UPDATE and
 * one audit INSERT for the whole group. Their commit does not wait for the disk: a confirmation lost in a crash is
 * found again, as the row stays pending and the instance carries its submissionId. That saves a flush per submission.
 */
export function confirmationsInGroups({ store, audit, sql }: SettlementDeps, maxInFlight: number): GroupCommit<Confirmation, boolean> {
  return new GroupCommit<Confirmation, boolean>(sql, async (tx, confirmations) => {
    const confirmed = await store.confirmAll(tx, confirmations.map(({ submission, outcome }) => ({ id: submission.id, processInstanceKey: outcome.started })));
    await audit.recordAll(confirmations.filter(({ submission }) => confirmed.has(submission.id)).map(auditEntryOf), tx);
    return confirmations.map(({ submission }) => confirmed.has(submission.id));
  }, { prelude: 'SET LOCAL synchronous_commit = off', maxInFlight });
}

async function settleInTransaction({ store, audit }: SettlementDeps, tx: SqlSession, settlement: Settlement): Promise<boolean> {
  const { submission, outcome } = settlement;
  const settled = 'started' in outcome
    ? await store.settle(tx, submission.id, { state: 'confirmed', processInstanceKey: outcome.started })
    : 'refused' in outcome
      ? await store.settle(tx, submission.id, { state: 'failed', failure: outcome.refused.slice(0, 1000) })
      : await store.settle(tx, submission.id, { state: 'unconfirmed' });
  if (settled) await audit.record(auditEntryOf(settlement), tx);
  return settled;
}

function auditEntryOf({ submission, outcome, origin, details = {} }: Settlement): AuditEntryInput {
  return {
    ...origin,
    action: 'started' in outcome ? 'submission.received' : 'refused' in outcome ? 'submission.failed' : 'submission.unconfirmed',
    target: { kind: 'submission', id: submission.reference },
    details: {
      serviceId: submission.serviceId,
      ...('started' in outcome ? { processInstanceKey: outcome.started } : {}),
      ...('refused' in outcome ? { reason: outcome.refused.slice(0, 1000) } : {}),
      ...details,
    },
  };
}
