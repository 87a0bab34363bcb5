/**
 * Documents citizens handed in later, in the server's tables: a hand-in is written `pending` with its files (which
 * belong to the case's submission) in one transaction before the engine is asked to take the message, and becomes
 * `published` once it acknowledged it.
 */
import type { SqlClient, SqlSession } from '../storage/server-storage.js';
import type { SubmittedFile } from './submission-body.js';

export interface LaterDocuments {
  id: string;
  submissionId: string;
  state: 'pending' | 'published';
  messageName: string;
  variable: string;
  correlationKey: string;
  requestSha256: string | null;
  /** The files as the message's variable names them. */
  files: DocumentReference[];
  createdAt: string;
}

/** How the process receives a file handed in later: the id under which the task list and the status page show it. */
export interface DocumentReference {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export type NewLaterDocuments = Omit<LaterDocuments, 'state' | 'files' | 'createdAt'> & {
  idempotencyKeySha256: string | null;
  files: (SubmittedFile & { id: string })[];
};

interface LaterDocumentsRow {
  id: string;
  submission_id: string;
  state: 'pending' | 'published';
  message_name: string;
  variable: string;
  correlation_key: string;
  request_sha256: string | null;
  files: DocumentReference[] | string;
  created_at: Date | string;
}

const SELECT = `SELECT d.id::text AS id, d.submission_id::text AS submission_id, d.state, d.message_name, d.variable, d.correlation_key, d.request_sha256, d.created_at,
  coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'contentType', f.content_type, 'size', f.size) ORDER BY f.name, f.id)
            FROM portal_files f WHERE f.later_documents_id = d.id), '[]'::json) AS files
  FROM portal_later_documents d`;

export class LaterDocumentsStore {
  constructor(private readonly sql: SqlClient) {}

  /** Writes a pending hand-in and its files; in a transaction. */
  async insertPending(tx: SqlSession, handIn: NewLaterDocuments): Promise<string> {
    const [row] = await tx.query<{ created_at: Date | string }>(
      `INSERT INTO portal_later_documents (id, submission_id, state, message_name, variable, correlation_key, idempotency_key_sha256, request_sha256)
       VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7) RETURNING created_at`,
      [handIn.id, handIn.submissionId, handIn.messageName, handIn.variable, handIn.correlationKey, handIn.idempotencyKeySha256, handIn.requestSha256],
    );
    for (const file of handIn.files) {
      await tx.query(
        `INSERT INTO portal_files (id, submission_id, field_key, name, content_type, size, sha256, content, later_documents_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [file.id, handIn.submissionId, handIn.variable, file.name, file.contentType, file.content.length, file.sha256, file.content, handIn.id],
      );
    }
    return new Date(row.created_at).toISOString();
  }

  /** Marks a hand-in published; false when it was already. */
  async markPublished(id: string): Promise<boolean> {
    const rows = await this.sql.query(`UPDATE portal_later_documents SET state = 'published', published_at = now() WHERE id = $1 AND state = 'pending' RETURNING id`, [id]);
    return rows.length > 0;
  }

  async byIdempotencyKey(keySha256: string): Promise<LaterDocuments | undefined> {
    const [row] = await this.sql.query<LaterDocumentsRow>(`${SELECT} WHERE d.idempotency_key_sha256 = $1`, [keySha256]);
    return row && laterDocumentsOf(row);
  }

  /** Claims a pending hand-in whose last attempt is older than `olderThanMs` (moving `attempted_at` on is the claim). */
  async claimStalePending(olderThanMs: number): Promise<LaterDocuments | undefined> {
    const [claimed] = await this.sql.query<{ id: string }>(
      `UPDATE portal_later_documents SET attempted_at = now()
       WHERE id = (SELECT id FROM portal_later_documents WHERE state = 'pending' AND attempted_at < now() - make_interval(secs => $1::float8 / 1000)
                   ORDER BY attempted_at LIMIT 1)
         AND state = 'pending' AND attempted_at < now() - make_interval(secs => $1::float8 / 1000)
       RETURNING id::text AS id`,
      [olderThanMs],
    );
    if (claimed === undefined) return undefined;
    const [row] = await this.sql.query<LaterDocumentsRow>(`${SELECT} WHERE d.id = $1`, [claimed.id]);
    return laterDocumentsOf(row);
  }
}

function laterDocumentsOf(row: LaterDocumentsRow): LaterDocuments {
  return {
    id: row.id,
    submissionId: row.submission_id,
    state: row.state,
    messageName: row.message_name,
    variable: row.variable,
    correlationKey: row.correlation_key,
    requestSha256: row.request_sha256,
    files: typeof row.files === 'string' ? JSON.parse(row.files) as DocumentReference[] : row.files,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
