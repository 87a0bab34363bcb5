/**
 * Settles the submissions a crash (or an unreachable engine) left `pending`: none of them gave the citizen a
 * reference, so starting the instance now is safe, as long as the first attempt did not start one. The embedded
 * engine's exporter tables tell (`findInstancesByVariable('submissionId', …)`, up to date with every instance the
 * engine acknowledged); against a remote Zeebe there is no such source, and the row is marked `unconfirmed` and logged
 * for a person to look into rather than risk a second instance. It also publishes the documents citizens handed in
 * later whose message the engine did not acknowledge: again under the same message id, which the engine refuses as a
 * duplicate if the first attempt got through.
 */
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import { SYSTEM_ACTOR } from '../audit/audit-log.js';
import type { PortalConfig } from '../config.js';
import type { OperationsSource } from '../operations/operations-source.js';
import type { BackgroundWork } from '../server-context.js';
import { publishLaterDocuments } from './later-documents-intake.js';
import type { LaterDocumentsStore } from './later-documents-store.js';
import { recordOutcome, startInstance, SUBMISSION_ID_VARIABLE, type SettlementDeps } from './submission-settlement.js';
import type { StoredSubmission } from './submission-store.js';

export interface SubmissionResumerDeps extends SettlementDeps {
  laterDocuments: LaterDocumentsStore;
  zeebe: ZBClient;
  source?: Pick<OperationsSource, 'findInstancesByVariable'>;
  logger: Logger;
  config: Pick<PortalConfig, 'resumeAfterMs' | 'resumeIntervalMs'>;
}

const ORIGIN = { actor: SYSTEM_ACTOR };

export class SubmissionResumer implements BackgroundWork {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly deps: SubmissionResumerDeps) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Settles every stale pending submission and hand-in of later documents, one at a time; resolves when none is left. */
  async settleStale(): Promise<number> {
    let settled = 0;
    while (!this.stopped) {
      const submission = await this.deps.store.claimStalePending(this.deps.config.resumeAfterMs);
      if (submission === undefined) break;
      await this.settle(submission);
      settled += 1;
    }
    while (!this.stopped) {
      const handIn = await this.deps.laterDocuments.claimStalePending(this.deps.config.resumeAfterMs);
      if (handIn === undefined) break;
      const outcome = await publishLaterDocuments(this.deps.zeebe, handIn);
      if ('unreachable' in outcome) {
        this.deps.logger.warn({ err: outcome.unreachable, laterDocumentsId: handIn.id }, 'The engine is unreachable; documents handed in later stay pending');
        break;
      }
      await this.deps.laterDocuments.markPublished(handIn.id);
      this.deps.logger.info({ laterDocumentsId: handIn.id, reference: handIn.correlationKey }, 'Published documents handed in later that were left pending');
      settled += 1;
    }
    return settled;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.settleStale()
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'Settling pending submissions failed; trying again later'))
        .then(() => this.schedule(this.deps.config.resumeIntervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async settle(submission: StoredSubmission): Promise<void> {
    const { source, logger } = this.deps;
    if (source === undefined) {
      await recordOutcome(this.deps, { submission, outcome: { unconfirmed: true }, origin: ORIGIN });
      logger.error({ reference: submission.reference, submissionId: submission.id },
        'A submission was left pending and no exporter tables can tell whether its instance exists (remote Zeebe): marked unconfirmed; look for an instance with this submissionId');
      return;
    }
    const existing = await source.findInstancesByVariable(SUBMISSION_ID_VARIABLE, JSON.stringify(submission.id));
    if (existing.length > 1) logger.error({ reference: submission.reference, instances: existing }, 'A submission has more than one instance');
    const outcome = existing.length > 0 ? { started: existing[0] } : await startInstance(this.deps.zeebe, submission);
    if ('unreachable' in outcome) {
      logger.warn({ err: outcome.unreachable, reference: submission.reference }, 'The engine is unreachable; the submission stays pending');
      return;
    }
    await recordOutcome(this.deps, { submission, outcome, origin: ORIGIN, details: { settledAfterRestart: true, instanceExisted: existing.length > 0 } });
    logger.info({ reference: submission.reference, outcome }, 'Settled a pending submission');
  }
}
