/**
 * The e-Akte's rules over an adapter: filing with a worked-out retention date, and the Aussonderung when retention
 * ends — documents marked V are deleted, A and B are offered to the archive in one xdomea-style 0501 record, and the
 * archive's decision (A keep, V destroy) is applied when it comes back.
 */
import { createHash, randomUUID } from 'node:crypto';
import { archiveOfferXml, type Authority } from './archive-offer-xml.js';
import type { EAkteAdapter } from './e-akte-adapter.js';
import type { ArchiveDecision, ArchiveOffer, DocumentToFile, FiledDocument } from './e-akte-model.js';
import { berlinDate, parseRetentionPeriod, retainUntil } from './retention.js';

export interface EAkteOptions {
  adapter: EAkteAdapter;
  /** The authority that offers (sender of the 0501 record) and the archive it offers to. */
  authority: Authority;
  archive: Authority;
  now?: () => Date;
}

export interface DisposalResult {
  /** Present when documents were offered. */
  offer?: ArchiveOffer;
  offeredDocumentIds: string[];
  deletedDocumentIds: string[];
}

export class EAkteError extends Error {
  override name = 'EAkteError';
}

export class EAkte {
  private readonly now: () => Date;

  constructor(private readonly options: EAkteOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async file(document: DocumentToFile): Promise<FiledDocument> {
    if (document.aktenzeichen.trim() === '') throw new EAkteError('A document needs an Aktenzeichen');
    parseRetentionPeriod(document.retention.period);
    const filedAt = this.now();
    return this.options.adapter.fileDocument({
      documentId: randomUUID(),
      idempotencyKey: document.idempotencyKey,
      aktenzeichen: document.aktenzeichen.trim(),
      documentType: document.documentType,
      title: document.title,
      filename: document.filename,
      contentType: document.contentType,
      content: document.content,
      size: document.content.byteLength,
      sha256: createHash('sha256').update(document.content).digest('hex'),
      metadata: document.metadata,
      filedAt: filedAt.toISOString(),
      retentionPeriod: document.retention.period,
      retainUntil: retainUntil(filedAt, document.retention),
      disposition: document.disposition,
      processInstanceKey: document.processInstanceKey,
    });
  }

  /**
   * Disposes of up to `limit` documents whose retention ended before `asOf` (default: today in Germany): deletes
   * those marked V and offers the others to the archive. Run it again for the next batch.
   */
  async disposeDue({ asOf, limit = 500 }: { asOf?: string; limit?: number } = {}): Promise<DisposalResult> {
    const now = this.now();
    const due = await this.options.adapter.documentsDueForDisposal(asOf ?? berlinDate(now), limit);
    const toDelete = due.filter((document) => document.disposition === 'V');
    const toOffer = due.filter((document) => document.disposition !== 'V');
    for (const document of toDelete) {
      await this.options.adapter.deleteDocument(document.documentId, `Aufbewahrungsfrist bis ${document.retainUntil} abgelaufen, Aussonderungsart V`, now);
    }
    let offer: ArchiveOffer | undefined;
    if (toOffer.length > 0) {
      const offerId = randomUUID();
      offer = {
        offerId,
        createdAt: now.toISOString(),
        messageType: '0501',
        documentIds: toOffer.map((document) => document.documentId),
        xml: archiveOfferXml({ offerId, createdAt: now, sender: this.options.authority, recipient: this.options.archive }, toOffer),
      };
      await this.options.adapter.recordOffer(offer);
    }
    return {
      ...(offer && { offer }),
      offeredDocumentIds: toOffer.map((document) => document.documentId),
      deletedDocumentIds: toDelete.map((document) => document.documentId),
    };
  }

  /**
   * Applies the archive's decision on an offered document (xdomea 0502): V deletes it, A keeps it for the transfer
   * to the archive (the 0503 hand-over itself is not built yet).
   */
  async applyArchiveDecision(documentId: string, decision: ArchiveDecision): Promise<FiledDocument> {
    const found = await this.options.adapter.getDocument(documentId);
    if (!found) throw new EAkteError(`There is no document ${documentId}`);
    if (found.document.state !== 'offered') throw new EAkteError(`Document ${documentId} is ${found.document.state}, not offered to the archive`);
    if (decision === 'V') {
      await this.options.adapter.deleteDocument(documentId, `Archiv hat die Übernahme abgelehnt (Angebot ${found.document.offerId})`, this.now());
    } else {
      await this.options.adapter.changeState(documentId, 'offered', 'to-transfer');
    }
    return (await this.options.adapter.getDocument(documentId))!.document;
  }

  async get(documentId: string): Promise<{ document: FiledDocument; content?: Uint8Array } | undefined> {
    return this.options.adapter.getDocument(documentId);
  }
}
