/**
 * A received XRechnung, from upload to Aktenzeichen, with the portal's machinery for crash safety: the XML is put into
 * the connectors' document store; then the invoice is written `pending` with the next `RECH-<year>-<n>` Aktenzeichen;
 * then the rechnungsworkflow instance is asked for with `rechnung` (the DocumentReference) and `aktenzeichen`; only
 * once the engine acknowledged it is the row `confirmed` and the caller answered. A crash in between leaves a pending
 * row that the background settling (`SubmissionResumer`) confirms or starts; a crash before the row leaves an unused
 * document and no number. An Idempotency-Key makes a retry get the same answer, never a second instance.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import type { DocumentReference, DocumentStore } from '../../connectors/index.js';
import type { AuditActor } from '../audit/audit-log.js';
import type { DeploymentStore } from '../deployments/deployment-store.js';
import { HttpProblem, problemType } from '../http/problem.js';
import { engineUnreachable, idempotencyKeyReused, submissionInProgress, submissionNotStarted } from '../portal/portal-problems.js';
import { sha256Hex } from '../portal/status-tokens.js';
import { confirmationsInGroups, recordOutcome, startInstance, type Confirmation, type SettlementDeps } from '../portal/submission-settlement.js';
import { GroupCommit } from '../storage/group-commit.js';
import { isUniqueViolation } from '../storage/server-storage.js';
import type { InvoiceStore, InvoiceSyntax, NewInvoice, StoredInvoice } from './invoice-store.js';
import type { UploadedInvoice } from './invoice-upload.js';

/** The process every received invoice starts: its latest version deployed through this server. */
export const INVOICE_PROCESS_ID = 'rechnungsworkflow';

export interface InvoiceReceipt {
  aktenzeichen: string;
  processInstanceKey: string;
  receivedAt: string;
  syntax: InvoiceSyntax;
  document: DocumentReference;
}

export interface InvoiceRequest {
  upload: UploadedInvoice;
  idempotencyKey?: string;
  /** The signed-in user who sent it. */
  userId: string;
  origin: { actor: AuditActor; clientAddress?: string };
}

export interface InvoiceIntakeDeps extends SettlementDeps<StoredInvoice> {
  store: InvoiceStore;
  documents: DocumentStore;
  deployments: DeploymentStore;
  zeebe: ZBClient;
  logger: Logger;
  /** Group commits in flight at once: 1 on PGlite, more on a PostgreSQL server (see `GroupCommit`). */
  parallelCommits: number;
}

export class InvoiceIntake {
  private readonly pending: GroupCommit<{ invoice: NewInvoice; year: number }, StoredInvoice>;
  private readonly confirmations: GroupCommit<Confirmation, boolean>;

  constructor(private readonly deps: InvoiceIntakeDeps) {
    this.pending = new GroupCommit(deps.sql, GroupCommit.itemByItem((session, { invoice, year }) => deps.store.insertPending(session, invoice, year)), {
      standsAlone: () => true,
      maxInFlight: deps.parallelCommits,
    });
    this.confirmations = confirmationsInGroups(deps, deps.parallelCommits);
  }

  async receive(request: InvoiceRequest): Promise<InvoiceReceipt> {
    const { deps } = this;
    const { upload } = request;
    const keySha256 = request.idempotencyKey === undefined ? null : sha256Hex(`invoices\n${request.idempotencyKey}`);
    if (keySha256 !== null) {
      const earlier = await deps.store.byIdempotencyKey(keySha256);
      if (earlier) return replay(earlier, upload);
    }
    const process = await deps.deployments.latest('process', INVOICE_PROCESS_ID);
    if (process === undefined) {
      throw new HttpProblem(409, {
        type: problemType('invoice-process-not-deployed'), title: 'The Rechnungsworkflow is not deployed',
        detail: `No version of the process "${INVOICE_PROCESS_ID}" was deployed through this server, so invoices cannot be received.`,
      });
    }
    const document = await deps.documents.put({ processInstanceKey: '0', filename: upload.fileName, contentType: 'application/xml', bytes: upload.bytes });
    const invoice: NewInvoice = {
      id: randomUUID(), idempotencyKeySha256: keySha256, requestSha256: keySha256 === null ? null : upload.fingerprint, syntax: upload.syntax,
      document, bpmnProcessId: INVOICE_PROCESS_ID, processVersion: process.version, receivedBy: request.userId,
    };
    let stored: StoredInvoice;
    try {
      stored = await this.pending.write({ invoice, year: new Date().getUTCFullYear() });
    } catch (error) {
      // The same Idempotency-Key sent twice at once: the first one's row won.
      if (keySha256 !== null && isUniqueViolation(error)) {
        const earlier = await deps.store.byIdempotencyKey(keySha256);
        if (earlier) return replay(earlier, upload);
      }
      throw error;
    }
    const outcome = await startInstance(deps.zeebe, stored);
    if ('unreachable' in outcome) {
      deps.logger.warn({ err: outcome.unreachable, aktenzeichen: stored.reference }, 'The engine did not acknowledge an invoice\'s instance; it stays pending');
      throw engineUnreachable();
    }
    const settlement = { submission: stored, origin: request.origin, details: { syntax: upload.syntax, documentId: document.documentId } };
    await ('started' in outcome ? this.confirmations.write({ ...settlement, outcome }) : recordOutcome(deps, { ...settlement, outcome }));
    if ('refused' in outcome) throw submissionNotStarted(outcome.refused);
    return receiptOf(stored, outcome.started);
  }
}

/** The answer to a retry under the same Idempotency-Key. */
function replay(earlier: StoredInvoice, upload: UploadedInvoice): InvoiceReceipt {
  if (earlier.requestSha256 !== upload.fingerprint) throw idempotencyKeyReused();
  if (earlier.state === 'pending') throw submissionInProgress();
  if (earlier.state !== 'confirmed') throw submissionNotStarted(`The invoice ${earlier.reference} could not be handed to the process; look into it with this Aktenzeichen.`);
  return receiptOf(earlier, earlier.processInstanceKey!);
}

function receiptOf(invoice: StoredInvoice, processInstanceKey: string): InvoiceReceipt {
  return { aktenzeichen: invoice.reference, processInstanceKey, receivedAt: invoice.createdAt, syntax: invoice.syntax, document: invoice.document };
}
