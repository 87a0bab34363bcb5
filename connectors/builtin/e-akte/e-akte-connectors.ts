/**
 * The e-Akte as connectors: `amtsflow:e-akte-file:1` files a document from the document store under an Aktenzeichen
 * with its retention; `amtsflow:e-akte-dispose:1` runs the Aussonderung (from a timer-started process), deleting what
 * is marked V and storing the 0501 offer to the archive as a document for the next step (upload, mail).
 */
import { defineConnector, DocumentNotFoundError, PermanentFailure, type Connector, type DocumentReference } from '../../sdk/index.js';
import { archiveOfferFileName } from './archive-offer-xml.js';
import { EAkteError, type EAkte } from './e-akte.js';
import type { Disposition, RetentionRule } from './e-akte-model.js';
import { RetentionRuleError } from './retention.js';

export interface FileDocumentInput {
  document: DocumentReference;
  aktenzeichen: string;
  documentType: string;
  title: string;
  retentionPeriod: string;
  retentionStartsAt: RetentionRule['startsAt'];
  disposition: Disposition;
  metadata?: Record<string, unknown>;
}

export interface FileDocumentOutput {
  documentId: string;
  aktenzeichen: string;
  retainUntil: string;
  sha256: string;
}

export interface DisposeDueInput {
  asOf?: string;
  limit: number;
}

export interface DisposeDueOutput {
  offerId?: string;
  offeredDocumentIds: string[];
  deletedDocumentIds: string[];
  /** The xdomea-style 0501 Anbieteverzeichnis, in the document store. */
  offerDocument?: DocumentReference;
}

const rulesOfTheEAkte = (error: unknown) => error instanceof EAkteError || error instanceof RetentionRuleError;

export function eAkteConnectors(eAkte: EAkte): Connector<never, unknown>[] {
  const fileDocument = defineConnector<FileDocumentInput, FileDocumentOutput>({
    type: 'amtsflow:e-akte-file:1',
    name: 'In der e-Akte ablegen',
    description: 'Files a document under an Aktenzeichen with its document type and retention period (Aufbewahrungsfrist).',
    keywords: ['e-Akte', 'Aktenzeichen', 'Aufbewahrungsfrist', 'xdomea'],
    groups: [{ id: 'input', label: 'Dokument' }, { id: 'retention', label: 'Aufbewahrung' }],
    input: {
      type: 'object',
      required: ['document', 'aktenzeichen', 'documentType', 'title', 'retentionPeriod', 'retentionStartsAt', 'disposition'],
      properties: {
        document: {
          type: 'object', title: 'Dokument', description: 'A document reference, e.g. =bescheid',
          required: ['documentId'], properties: { documentId: { type: 'string', minLength: 1 } },
        },
        aktenzeichen: { type: 'string', title: 'Aktenzeichen', minLength: 1, maxLength: 200 },
        documentType: { type: 'string', title: 'Dokumenttyp', minLength: 1, maxLength: 100 },
        title: { type: 'string', title: 'Betreff', minLength: 1, maxLength: 500 },
        metadata: { type: 'object', title: 'Weitere Metadaten' },
        retentionPeriod: {
          type: 'string', title: 'Aufbewahrungsfrist', description: 'ISO 8601: P10Y, P6M, P3Y6M', default: 'P10Y',
          pattern: '^P(\\d+Y)?(\\d+M)?(\\d+D)?$', 'x-template': { binding: 'header', group: 'retention' },
        },
        retentionStartsAt: {
          type: 'string', title: 'Fristbeginn', enum: ['endOfYear', 'filing'], default: 'endOfYear',
          'x-template': { binding: 'header', group: 'retention', choiceLabels: ['Ende des Kalenderjahres', 'Tag der Ablage'] },
        },
        disposition: {
          type: 'string', title: 'Aussonderungsart', enum: ['A', 'B', 'V'], default: 'B',
          'x-template': { binding: 'header', group: 'retention', choiceLabels: ['A: archivieren', 'B: dem Archiv zur Bewertung anbieten', 'V: vernichten'] },
        },
      },
    },
    output: {
      type: 'object',
      required: ['documentId', 'aktenzeichen', 'retainUntil', 'sha256'],
      properties: { documentId: { type: 'string' }, aktenzeichen: { type: 'string' }, retainUntil: { type: 'string', format: 'date' }, sha256: { type: 'string' } },
    },
    resultVariable: 'filedDocument',
    async run(input, context) {
      const stored = await context.documents.get(input.document.documentId).catch((error: unknown) => {
        throw error instanceof DocumentNotFoundError ? new PermanentFailure(error.message) : error;
      });
      try {
        const filed = await eAkte.file({
          aktenzeichen: input.aktenzeichen,
          documentType: input.documentType,
          title: input.title,
          filename: stored.reference.filename,
          contentType: stored.reference.contentType,
          content: stored.bytes,
          retention: { period: input.retentionPeriod, startsAt: input.retentionStartsAt },
          disposition: input.disposition,
          metadata: input.metadata,
          processInstanceKey: context.job.processInstanceKey,
          // A retried job (failed, timed out) files nothing new: the element instance is the same.
          idempotencyKey: `${context.job.processInstanceKey}:${context.job.elementInstanceKey}`,
        });
        context.logger.info({ documentId: filed.documentId, retainUntil: filed.retainUntil }, 'Document filed');
        return { documentId: filed.documentId, aktenzeichen: filed.aktenzeichen, retainUntil: filed.retainUntil, sha256: filed.sha256 };
      } catch (error) {
        if (rulesOfTheEAkte(error)) throw new PermanentFailure((error as Error).message);
        throw error;
      }
    },
  });

  const disposeDue = defineConnector<DisposeDueInput, DisposeDueOutput>({
    type: 'amtsflow:e-akte-dispose:1',
    name: 'Aussonderung (e-Akte)',
    description: 'Disposes of documents whose retention ended: deletes those marked V, offers the others to the archive (xdomea-style 0501).',
    keywords: ['e-Akte', 'Aussonderung', 'Archiv', 'xdomea', 'Löschung'],
    input: {
      type: 'object',
      required: ['limit'],
      properties: {
        asOf: { type: 'string', format: 'date', title: 'Stichtag', description: 'Default: today (Europe/Berlin)' },
        limit: { type: 'integer', minimum: 1, maximum: 10_000, default: 500, title: 'Höchstens so viele Dokumente', 'x-template': { binding: 'header' } },
      },
    },
    output: {
      type: 'object',
      required: ['offeredDocumentIds', 'deletedDocumentIds'],
      properties: {
        offerId: { type: 'string' },
        offeredDocumentIds: { type: 'array', items: { type: 'string' } },
        deletedDocumentIds: { type: 'array', items: { type: 'string' } },
        offerDocument: { type: 'object', required: ['documentId'], properties: { documentId: { type: 'string' } } },
      },
    },
    resultVariable: 'aussonderung',
    timeoutMs: 300_000,
    retries: 3,
    maxConcurrentJobs: 1,
    async run(input, context) {
      const result = await eAkte.disposeDue({ asOf: input.asOf, limit: input.limit });
      context.logger.info({ offered: result.offeredDocumentIds.length, deleted: result.deletedDocumentIds.length }, 'Aussonderung done');
      if (!result.offer) return { offeredDocumentIds: result.offeredDocumentIds, deletedDocumentIds: result.deletedDocumentIds };
      const offerDocument = await context.documents.put({
        processInstanceKey: context.job.processInstanceKey,
        filename: archiveOfferFileName(result.offer.offerId),
        contentType: 'application/xml',
        bytes: new TextEncoder().encode(result.offer.xml),
      });
      return { offerId: result.offer.offerId, offeredDocumentIds: result.offeredDocumentIds, deletedDocumentIds: result.deletedDocumentIds, offerDocument };
    },
  });

  return [fileDocument, disposeDue];
}
