/**
 * Settles the rows of a `StartLedger` (the portal's submissions, the received invoices) that a crash (or an unreachable
 * engine) left `pending`: none of them gave its sender a reference, so starting the instance now is safe, as long as
 * the first attempt did not start one. The embedded engine's exporter tables tell (`findInstancesByVariable
 * ('submissionId', …)`, up to date with every instance the engine acknowledged); against a remote Zeebe there is no
 * such source, and the row is marked `unconfirmed` and logged for a person to look into rather than risk a second
 * instance. Other settlers that belong to the same rows (the portal's documents handed in later) run after it
 * (`followUps`).
 */
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import { SYSTEM_ACTOR } from '../audit/audit-log.js';
import type { PortalConfig } from '../config.js';
import type { OperationsSource } from '../operations/operations-source.js';
import type { BackgroundWork } from '../server-context.js';
import { recordOutcome, startInstance, SUBMISSION_ID_VARIABLE, type PendingStart, type SettlementDeps } from './submission-settlement.js';

export interface SubmissionResumerDeps<Row extends PendingStart> extends SettlementDeps<Row> {
  zeebe: ZBClient;
  source?: Pick<OperationsSource, 'findInstancesByVariable'>;
  logger: Logger;
  config: Pick<PortalConfig, 'resumeAfterMs' | 'resumeIntervalMs'>;
  /** What the audit entry says of a row besides its reference (the portal: its service). */
  auditDetailsOf?: (row: Row) => Record<string, unknown>;
  /** Run after this ledger's rows on every round. */
  followUps?: StaleSettler[];
}

/** Settles what a crash or an unreachable engine left pending; resolves with how many it settled. */
export interface StaleSettler {
  settleStale(): Promise<number>;
}

const ORIGIN = { actor: SYSTEM_ACTOR };

export class SubmissionResumer<Row extends PendingStart> implements BackgroundWork, StaleSettler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly deps: SubmissionResumerDeps<Row>) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Settles every stale pending row, one at a time, then the follow-ups; resolves when none is left. */
  async settleStale(): Promise<number> {
    let settled = 0;
    while (!this.stopped) {
      const submission = await this.deps.store.claimStalePending(this.deps.config.resumeAfterMs);
      if (submission === undefined) break;
      await this.settle(submission);
      settled += 1;
    }
    for (const followUp of this.deps.followUps ?? []) {
      if (this.stopped) break;
      settled += await followUp.settleStale();
    }
    return settled;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.settleStale()
        .catch((error: unknown) => this.deps.logger.warn({ err: error, subject: this.deps.subject }, 'Settling pending rows failed; trying again later'))
        .then(() => this.schedule(this.deps.config.resumeIntervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async settle(submission: Row): Promise<void> {
    const { source, logger, subject } = this.deps;
    const details = this.deps.auditDetailsOf?.(submission) ?? {};
    if (source === undefined) {
      await recordOutcome(this.deps, { submission, outcome: { unconfirmed: true }, origin: ORIGIN, details });
      logger.error({ subject, reference: submission.reference, submissionId: submission.id },
        `A ${subject} was left pending and no exporter tables can tell whether its instance exists (remote Zeebe): marked unconfirmed; look for an instance with this submissionId`);
      return;
    }
    const existing = await source.findInstancesByVariable(SUBMISSION_ID_VARIABLE, JSON.stringify(submission.id));
    if (existing.length > 1) logger.error({ subject, reference: submission.reference, instances: existing }, `A ${subject} has more than one instance`);
    const outcome = existing.length > 0 ? { started: existing[0] } : await startInstance(this.deps.zeebe, submission);
    if ('unreachable' in outcome) {
      logger.warn({ err: outcome.unreachable, subject, reference: submission.reference }, `The engine is unreachable; the ${subject} stays pending`);
      return;
    }
    await recordOutcome(this.deps, { submission, outcome, origin: ORIGIN, details: { ...details, settledAfterRestart: true, instanceExisted: existing.length > 0 } });
    logger.info({ subject, reference: submission.reference, outcome }, `Settled a pending ${subject}`);
  }
}
