/**
 * Documents a citizen hands in later for an open case, by the case's status link: stored with the case's submission
 * and audited in one transaction, then published as the message the service declared, correlated by the case's
 * reference number, with the files as document references in the declared variable. The hand-in's id is the message
 * id, so publishing again (a retry, or the background settling after a crash) is refused by the engine as a duplicate
 * and never correlates twice. An Idempotency-Key makes a retry get the same answer.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { GatewayError } from '../http/gateway-problem.js';
import type { OperationsSource } from '../operations/operations-source.js';
import { isUniqueViolation, type SqlClient } from '../storage/server-storage.js';
import type { LaterDocumentsBody } from './later-documents-body.js';
import type { DocumentReference, LaterDocuments, LaterDocumentsStore } from './later-documents-store.js';
import { caseClosed, idempotencyKeyReused, laterDocumentsNotAccepted, laterDocumentsPending, noSuchSubmission } from './portal-problems.js';
import type { ServiceStore } from './service-store.js';
import { caseStateOf, isOpen } from './submission-status.js';
import type { SubmissionStore } from './submission-store.js';
import { sha256Hex } from './status-tokens.js';

/**
 * How long the engine keeps the message when no instance waits for it yet (the office has not asked yet): it
 * correlates when the case reaches the waiting event. Also how long a repeated publish is recognised as a duplicate.
 */
export const LATER_DOCUMENTS_TIME_TO_LIVE_MS = 30 * 24 * 60 * 60 * 1000;

/** gRPC ALREADY_EXISTS: a message with this id was published before. */
const ALREADY_EXISTS = 6;

export interface LaterDocumentsRequest {
  statusToken: string;
  body: LaterDocumentsBody;
  idempotencyKey?: string;
  origin: { actor: AuditActor; clientAddress?: string };
}

export interface LaterDocumentsReceipt {
  reference: string;
  handedInAt: string;
  files: DocumentReference[];
}

export interface LaterDocumentsDeps {
  sql: SqlClient;
  submissions: SubmissionStore;
  laterDocuments: LaterDocumentsStore;
  services: ServiceStore;
  audit: AuditLog;
  zeebe: ZBClient;
  source?: Pick<OperationsSource, 'processInstance' | 'variable'>;
  logger: Logger;
}

type PublishOutcome = { published: true } | { unreachable: unknown };

/** Publishes a hand-in's message; a duplicate refused by the engine means an earlier attempt got through. */
export async function publishLaterDocuments(zeebe: ZBClient, handIn: Pick<LaterDocuments, 'id' | 'messageName' | 'correlationKey' | 'variable' | 'files'>): Promise<PublishOutcome> {
  try {
    await zeebe.publishMessage({
      name: handIn.messageName, correlationKey: handIn.correlationKey, messageId: handIn.id, timeToLive: LATER_DOCUMENTS_TIME_TO_LIVE_MS,
      variables: { [handIn.variable]: handIn.files },
    });
    return { published: true };
  } catch (error) {
    if ((error as GatewayError | undefined)?.code === ALREADY_EXISTS) return { published: true };
    return { unreachable: error };
  }
}

export class LaterDocumentsIntake {
  constructor(private readonly deps: LaterDocumentsDeps) {}

  async handIn(request: LaterDocumentsRequest): Promise<LaterDocumentsReceipt> {
    const { deps } = this;
    const submission = await deps.submissions.byStatusToken(sha256Hex(request.statusToken));
    if (submission?.state !== 'confirmed') throw noSuchSubmission();
    const keySha256 = request.idempotencyKey === undefined ? null : sha256Hex(`${submission.id}\n${request.idempotencyKey}`);
    if (keySha256 !== null) {
      const earlier = await deps.laterDocuments.byIdempotencyKey(keySha256);
      if (earlier) return this.replay(earlier, submission.reference, request);
    }
    const service = await deps.services.get(submission.serviceId);
    if (!service?.laterDocuments) throw laterDocumentsNotAccepted();
    const { state } = await caseStateOf(deps.sql, deps.source, submission.processInstanceKey);
    if (!isOpen(state)) throw caseClosed();

    const files = request.body.files.map((file) => ({ ...file, id: randomUUID() }));
    const handIn = {
      id: randomUUID(), submissionId: submission.id, messageName: service.laterDocuments.message, variable: service.laterDocuments.variable,
      correlationKey: submission.reference, idempotencyKeySha256: keySha256, requestSha256: keySha256 === null ? null : request.body.fingerprint, files,
    };
    let handedInAt: string;
    try {
      handedInAt = await deps.sql.transaction(async (tx) => {
        const createdAt = await deps.laterDocuments.insertPending(tx, handIn);
        await deps.audit.record({
          ...request.origin, action: 'submission.documents-handed-in', target: { kind: 'submission', id: submission.reference },
          details: { serviceId: submission.serviceId, message: handIn.messageName, files: files.length },
        }, tx);
        return createdAt;
      });
    } catch (error) {
      // The same Idempotency-Key sent twice at once: the first one's row won.
      if (keySha256 !== null && isUniqueViolation(error)) {
        const earlier = await deps.laterDocuments.byIdempotencyKey(keySha256);
        if (earlier) return this.replay(earlier, submission.reference, request);
      }
      throw error;
    }
    const references = files.map(({ id, name, contentType, content }) => ({ id, name, contentType, size: content.length }));
    await this.publish({ ...handIn, files: references });
    return { reference: submission.reference, handedInAt, files: references };
  }

  /** The answer to a retry under the same Idempotency-Key; a hand-in still pending is published again. */
  private async replay(earlier: LaterDocuments, reference: string, request: LaterDocumentsRequest): Promise<LaterDocumentsReceipt> {
    if (earlier.requestSha256 !== request.body.fingerprint) throw idempotencyKeyReused();
    if (earlier.state === 'pending') await this.publish(earlier);
    return { reference, handedInAt: earlier.createdAt, files: earlier.files };
  }

  private async publish(handIn: Pick<LaterDocuments, 'id' | 'messageName' | 'correlationKey' | 'variable' | 'files'>): Promise<void> {
    const outcome = await publishLaterDocuments(this.deps.zeebe, handIn);
    if ('unreachable' in outcome) {
      // Left pending: a retry with the same Idempotency-Key, or the background settling, publishes it.
      this.deps.logger.warn({ err: outcome.unreachable, laterDocumentsId: handIn.id, reference: handIn.correlationKey }, 'The engine did not acknowledge documents handed in later; they stay pending');
      throw laterDocumentsPending();
    }
    await this.deps.laterDocuments.markPublished(handIn.id);
  }
}
