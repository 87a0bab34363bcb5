/** The default e-Akte: documents and their content in PostgreSQL (bytea), through any `SqlExecutor`. */
import type { DocumentRecord, EAkteAdapter } from '../e-akte-adapter.js';
import type { ArchiveOffer, Disposition, DocumentState, FiledDocument } from '../e-akte-model.js';
import { applyMigrations, inTransaction, type SqlExecutor } from '../../../sdk/index.js';

const MIGRATIONS = new URL('../migrations/', import.meta.url);

interface DocumentRow {
  document_id: string;
  aktenzeichen: string;
  document_type: string;
  title: string | null;
  filename: string | null;
  content_type: string | null;
  size: number | string | bigint;
  sha256: string;
  metadata: Record<string, unknown> | null;
  filed_at: string;
  retention_period: string;
  retain_until: string;
  disposition: Disposition;
  state: DocumentState;
  offer_id: string | null;
  process_instance_key: string | null;
  deleted_at: string | null;
}

// Dates and timestamps as text: pg and PGlite would turn them into Date objects in the server's time zone.
const DOCUMENT_COLUMNS = `document_id::text, aktenzeichen, document_type, title, filename, content_type, size, sha256, metadata,
  to_char(filed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS filed_at, retention_period, retain_until::text,
  disposition, state, offer_id::text, process_instance_key,
  to_char(deleted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS deleted_at`;

export class PostgresEAkteAdapter implements EAkteAdapter {
  private constructor(private readonly sql: SqlExecutor) {}

  /** Brings the tables up to date (plain SQL migrations) and returns the adapter. */
  static async open(sql: SqlExecutor): Promise<PostgresEAkteAdapter> {
    await applyMigrations(sql, 'e-akte', MIGRATIONS);
    return new PostgresEAkteAdapter(sql);
  }

  async fileDocument(record: DocumentRecord): Promise<FiledDocument> {
    const inserted = await this.sql.query<DocumentRow>(
      `INSERT INTO eakte_documents (document_id, idempotency_key, aktenzeichen, document_type, title, filename, content_type, size, sha256,
         content, metadata, filed_at, retention_period, retain_until, disposition, process_instance_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${DOCUMENT_COLUMNS}`,
      [record.documentId, record.idempotencyKey ?? null, record.aktenzeichen, record.documentType, record.title ?? null,
        record.filename ?? null, record.contentType ?? null, record.size, record.sha256, Buffer.from(record.content),
        record.metadata === undefined ? null : JSON.stringify(record.metadata), record.filedAt, record.retentionPeriod,
        record.retainUntil, record.disposition, record.processInstanceKey ?? null],
    );
    if (inserted.length === 1) return toDocument(inserted[0]);
    const [earlier] = await this.sql.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM eakte_documents WHERE idempotency_key = $1`, [record.idempotencyKey]);
    return toDocument(earlier);
  }

  async getDocument(documentId: string): Promise<{ document: FiledDocument; content?: Uint8Array } | undefined> {
    const [row] = await this.sql.query<DocumentRow & { content: Uint8Array | null }>(
      `SELECT ${DOCUMENT_COLUMNS}, content FROM eakte_documents WHERE document_id = $1`, [documentId]);
    if (!row) return undefined;
    return { document: toDocument(row), ...(row.content && { content: new Uint8Array(row.content) }) };
  }

  async documentsDueForDisposal(asOf: string, limit: number): Promise<FiledDocument[]> {
    const rows = await this.sql.query<DocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS} FROM eakte_documents WHERE state = 'filed' AND retain_until < $1::date
       ORDER BY retain_until, document_id LIMIT $2`, [asOf, limit]);
    return rows.map(toDocument);
  }

  async recordOffer(offer: ArchiveOffer): Promise<void> {
    await inTransaction(this.sql, async (tx) => {
      await tx.query(
        `INSERT INTO eakte_archive_offers (offer_id, created_at, message_type, document_ids, xml) VALUES ($1, $2, $3, $4::jsonb, $5)`,
        [offer.offerId, offer.createdAt, offer.messageType, JSON.stringify(offer.documentIds), offer.xml],
      );
      await tx.query(
        `UPDATE eakte_documents SET state = 'offered', offer_id = $1
         WHERE state = 'filed' AND document_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`,
        [offer.offerId, JSON.stringify(offer.documentIds)],
      );
    });
  }

  async changeState(documentId: string, from: DocumentState, to: DocumentState): Promise<boolean> {
    const rows = await this.sql.query('UPDATE eakte_documents SET state = $3 WHERE document_id = $1 AND state = $2 RETURNING document_id', [documentId, from, to]);
    return rows.length === 1;
  }

  async deleteDocument(documentId: string, reason: string, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE eakte_documents SET state = 'deleted', content = NULL, title = NULL, filename = NULL, metadata = NULL,
         deleted_at = $2, deletion_reason = $3
       WHERE document_id = $1 AND state <> 'deleted'`,
      [documentId, at.toISOString(), reason],
    );
  }

  async getOffer(offerId: string): Promise<ArchiveOffer | undefined> {
    const [row] = await this.sql.query<{ offer_id: string; created_at: string; message_type: '0501'; document_ids: string[]; xml: string }>(
      `SELECT offer_id::text, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, message_type, document_ids, xml
       FROM eakte_archive_offers WHERE offer_id = $1`, [offerId]);
    return row && { offerId: row.offer_id, createdAt: row.created_at, messageType: row.message_type, documentIds: row.document_ids, xml: row.xml };
  }
}

function toDocument(row: DocumentRow): FiledDocument {
  const optional = <T>(value: T | null) => (value === null ? undefined : value);
  const document: FiledDocument = {
    documentId: row.document_id,
    aktenzeichen: row.aktenzeichen,
    documentType: row.document_type,
    title: optional(row.title),
    filename: optional(row.filename),
    contentType: optional(row.content_type),
    size: Number(row.size),
    sha256: row.sha256,
    metadata: optional(row.metadata),
    filedAt: row.filed_at,
    retentionPeriod: row.retention_period,
    retainUntil: row.retain_until,
    disposition: row.disposition,
    state: row.state,
    offerId: optional(row.offer_id),
    processInstanceKey: optional(row.process_instance_key),
    deletedAt: optional(row.deleted_at),
  };
  return Object.fromEntries(Object.entries(document).filter(([, value]) => value !== undefined)) as FiledDocument;
}
