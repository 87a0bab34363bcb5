/**
 * Asking the engine for an instance that was written down first, and recording the outcome: shared by the portal's
 * submissions and the Rechnungseingang's invoices (`invoices/`), by their requests and by the background settling
 * (`submission-resumer.ts`) of the rows a crash left pending. The instance gets the row's data plus `submissionId`
 * and `submissionReference`, by which it can be found again. Each kind of row lives in its own table, a `StartLedger`.
 */
import type { ZBClient } from 'zeebe-node';
import type { AuditActor, AuditEntryInput, AuditLog } from '../audit/audit-log.js';
import type { GatewayError } from '../http/gateway-problem.js';
import type { SqlClient, SqlSession } from '../storage/server-storage.js';
import { GroupCommit } from '../storage/group-commit.js';

export const SUBMISSION_ID_VARIABLE = 'submissionId';

/** gRPC codes by which the engine refuses the instance for good (the process version is gone, the data is refused). */
const REFUSED_FOR_GOOD = new Set([3, 5, 9]);

export type InstanceOutcome = { started: string } | { refused: string } | { unreachable: unknown };

/** A row written `pending` before its instance is asked for: what starts the instance again after a crash. */
export interface PendingStart {
  id: string;
  /** The gap-free number (`HUND-2026-000123`, `RECH-2026-000042`). */
  reference: string;
  bpmnProcessId: string;
  processVersion: number;
  /** The instance's variables, besides `submissionId` and `submissionReference`. */
  data: Record<string, unknown>;
}

export type SettledState = { state: 'confirmed'; processInstanceKey: string } | { state: 'failed'; failure: string } | { state: 'unconfirmed' };

/** The table of one kind of pending start (portal submissions, received invoices). */
export interface StartLedger<Row extends PendingStart = PendingStart> {
  /** Marks a pending (or unconfirmed) row settled; false when it was settled already. */
  settle(tx: SqlSession, id: string, outcome: SettledState): Promise<boolean>;
  /** Confirms many pending (or unconfirmed) rows at once; answers the ids it confirmed (not those settled before). */
  confirmAll(tx: SqlSession, confirmations: readonly { id: string; processInstanceKey: string }[]): Promise<Set<string>>;
  /** Claims a pending row whose last attempt is older than `olderThanMs` (moving its attempt on), for the settling. */
  claimStalePending(olderThanMs: number): Promise<Row | undefined>;
}

export async function startInstance(zeebe: ZBClient, submission: PendingStart): Promise<InstanceOutcome> {
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

export interface SettlementDeps<Row extends PendingStart = PendingStart> {
  sql: SqlClient;
  store: StartLedger<Row>;
  audit: AuditLog;
  /** The audit log's word for the rows: `submission` → `submission.received` / `.failed` / `.unconfirmed`, target kind `submission`. */
  subject: 'submission' | 'invoice';
}

export type Outcome = { started: string } | { refused: string } | { unconfirmed: true };

export interface Settlement {
  submission: Pick<PendingStart, 'id' | 'reference'>;
  outcome: Outcome;
  origin: { actor: AuditActor; clientAddress?: string };
  /** For the audit entry, beside the instance key or the reason (never the data: it is often personal). */
  details?: Record<string, unknown>;
}

/** Records what became of the instance, audited in the same transaction; false when someone settled it first. */
export function recordOutcome(deps: SettlementDeps<PendingStart>, settlement: Settlement): Promise<boolean> {
  return deps.sql.transaction((tx) => settleInTransaction(deps, tx, settlement));
}

/** A settlement whose instance the engine acknowledged. */
export type Confirmation = Settlement & { outcome: { started: string } };

/**
 * The submissions whose instance the engine just acknowledged, confirmed in groups (`GroupCommit`): one UPDATE and
 * one audit INSERT for the whole group. Their commit does not wait for the disk: a confirmation lost in a crash is
 * found again, as the row stays pending and the instance carries its submissionId. That saves a flush per submission.
 */
export function confirmationsInGroups({ store, audit, sql, subject }: SettlementDeps<PendingStart>, maxInFlight: number): GroupCommit<Confirmation, boolean> {
  return new GroupCommit<Confirmation, boolean>(sql, async (tx, confirmations) => {
    const confirmed = await store.confirmAll(tx, confirmations.map(({ submission, outcome }) => ({ id: submission.id, processInstanceKey: outcome.started })));
    await audit.recordAll(confirmations.filter(({ submission }) => confirmed.has(submission.id)).map((each) => auditEntryOf(subject, each)), tx);
    return confirmations.map(({ submission }) => confirmed.has(submission.id));
  }, { prelude: 'SET LOCAL synchronous_commit = off', maxInFlight });
}

async function settleInTransaction({ store, audit, subject }: SettlementDeps<PendingStart>, tx: SqlSession, settlement: Settlement): Promise<boolean> {
  const { submission, outcome } = settlement;
  const settled = 'started' in outcome
    ? await store.settle(tx, submission.id, { state: 'confirmed', processInstanceKey: outcome.started })
    : 'refused' in outcome
      ? await store.settle(tx, submission.id, { state: 'failed', failure: outcome.refused.slice(0, 1000) })
      : await store.settle(tx, submission.id, { state: 'unconfirmed' });
  if (settled) await audit.record(auditEntryOf(subject, settlement), tx);
  return settled;
}

function auditEntryOf(subject: SettlementDeps['subject'], { submission, outcome, origin, details = {} }: Settlement): AuditEntryInput {
  return {
    ...origin,
    action: `${subject}.${'started' in outcome ? 'received' : 'refused' in outcome ? 'failed' : 'unconfirmed'}`,
    target: { kind: subject, id: submission.reference },
    details: {
      ...('started' in outcome ? { processInstanceKey: outcome.started } : {}),
      ...('refused' in outcome ? { reason: outcome.refused.slice(0, 1000) } : {}),
      ...details,
    },
  };
}
