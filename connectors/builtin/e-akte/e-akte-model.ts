/**
 * Documents in the e-Akte (electronic records): filed under an Aktenzeichen with a document type, kept for a
 * retention period (Aufbewahrungsfrist), then offered to the archive or deleted as their Aussonderungsart says.
 */

/**
 * Aussonderungsart (xdomea): A = archivwürdig (offer, the archive will take it), B = bewerten (offer, the archive
 * decides), V = vernichten (delete without offering, as agreed with the archive beforehand).
 */
export type Disposition = 'A' | 'B' | 'V';

/** filed → offered (to the archive) → to-transfer (archive said A) | deleted (V, or the archive said V). */
export type DocumentState = 'filed' | 'offered' | 'to-transfer' | 'deleted';

export interface RetentionRule {
  /** ISO 8601 period of years, months and days: `P10Y` (accounting records), `P6M`, `P3Y6M`. */
  period: string;
  /**
   * When the period starts: `endOfYear` (the usual rule: with the end of the calendar year of filing, as in
   * §147 Abs. 4 AO) or `filing` (the day of filing).
   */
  startsAt: 'endOfYear' | 'filing';
}

export interface DocumentToFile {
  aktenzeichen: string;
  documentType: string;
  /** Betreff. */
  title: string;
  filename: string;
  contentType: string;
  content: Uint8Array;
  retention: RetentionRule;
  disposition: Disposition;
  /** Further metadata, kept as JSON (form data references, Kassenzeichen, ...). */
  metadata?: Record<string, unknown>;
  processInstanceKey?: string;
  /** A filing retried with the same key returns the document filed the first time. */
  idempotencyKey?: string;
}

export interface FiledDocument {
  documentId: string;
  aktenzeichen: string;
  documentType: string;
  /** Absent once the document is deleted. */
  title?: string;
  filename?: string;
  contentType?: string;
  size: number;
  sha256: string;
  metadata?: Record<string, unknown>;
  filedAt: string;
  retentionPeriod: string;
  /** The last day of the retention period (`YYYY-MM-DD`); the document is due for disposal the day after. */
  retainUntil: string;
  disposition: Disposition;
  state: DocumentState;
  offerId?: string;
  processInstanceKey?: string;
  deletedAt?: string;
}

/** A hand-off to the archive: the xdomea-style Anbieteverzeichnis (0501) listing the offered documents. */
export interface ArchiveOffer {
  offerId: string;
  createdAt: string;
  messageType: '0501';
  documentIds: string[];
  xml: string;
}

/** The archive's decision on an offered document (xdomea 0502 Bewertungsverzeichnis): A keep, V destroy. */
export type ArchiveDecision = 'A' | 'V';
