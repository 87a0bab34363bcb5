/**
 * Where the e-Akte keeps its documents. The default adapter is PostgreSQL (`PostgresEAkteAdapter`); a DMS such as
 * enaio gets its own adapter with the same operations. The rules (retention, what to offer, what to delete) live in
 * `EAkte`, not in adapters.
 */
import type { ArchiveOffer, DocumentState, FiledDocument } from './e-akte-model.js';

/** A document as `EAkte` hands it to the adapter: identified, dated and with its retention worked out. */
export interface DocumentRecord extends Omit<FiledDocument, 'state' | 'offerId' | 'deletedAt'> {
  content: Uint8Array;
  idempotencyKey?: string;
}

export interface EAkteAdapter {
  /** Stores the document; with an idempotency key that was used before, returns the earlier document instead. */
  fileDocument(record: DocumentRecord): Promise<FiledDocument>;
  getDocument(documentId: string): Promise<{ document: FiledDocument; content?: Uint8Array } | undefined>;
  /** Filed documents whose retention ended before `asOf` (`YYYY-MM-DD`), oldest first. */
  documentsDueForDisposal(asOf: string, limit: number): Promise<FiledDocument[]>;
  /** Stores the offer and moves its documents from `filed` to `offered`. */
  recordOffer(offer: ArchiveOffer): Promise<void>;
  /** Moves a document between states (only from the given one); false if it was not in that state. */
  changeState(documentId: string, from: DocumentState, to: DocumentState): Promise<boolean>;
  /** Deletes the content and personal metadata, keeping who, what and when for accountability. */
  deleteDocument(documentId: string, reason: string, at: Date): Promise<void>;
  getOffer(offerId: string): Promise<ArchiveOffer | undefined>;
}
