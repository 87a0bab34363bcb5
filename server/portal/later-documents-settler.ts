/**
 * Publishes the documents citizens handed in later whose message the engine did not acknowledge (a crash, an
 * unreachable engine): again under the same message id, which the engine refuses as a duplicate if the first attempt
 * got through. Run by the portal's `SubmissionResumer` after its own rows.
 */
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import type { PortalConfig } from '../config.js';
import { publishLaterDocuments } from './later-documents-intake.js';
import type { LaterDocumentsStore } from './later-documents-store.js';
import type { StaleSettler } from './submission-resumer.js';

export interface LaterDocumentsSettlerDeps {
  store: LaterDocumentsStore;
  zeebe: ZBClient;
  logger: Logger;
  config: Pick<PortalConfig, 'resumeAfterMs'>;
}

export class LaterDocumentsSettler implements StaleSettler {
  constructor(private readonly deps: LaterDocumentsSettlerDeps) {}

  /** Publishes every stale pending hand-in, one at a time; stops early while the engine is unreachable. */
  async settleStale(): Promise<number> {
    const { store, zeebe, logger, config } = this.deps;
    let settled = 0;
    for (;;) {
      const handIn = await store.claimStalePending(config.resumeAfterMs);
      if (handIn === undefined) return settled;
      const outcome = await publishLaterDocuments(zeebe, handIn);
      if ('unreachable' in outcome) {
        logger.warn({ err: outcome.unreachable, laterDocumentsId: handIn.id }, 'The engine is unreachable; documents handed in later stay pending');
        return settled;
      }
      await store.markPublished(handIn.id);
      logger.info({ laterDocumentsId: handIn.id, reference: handIn.correlationKey }, 'Published documents handed in later that were left pending');
      settled += 1;
    }
  }
}
