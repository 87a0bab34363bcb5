/**
 * Submissions and their files in the server's tables. A submission is written `pending` with its files and its
 * reference number in one transaction, before the engine is asked for the instance; it becomes `confirmed` once the
 * engine acknowledged it. Reference numbers come from one counter row per prefix and year, taken in that
 * transaction, so they have no gaps (`reference-numbers.ts`).
 */
import type { SqlClient, SqlSession } from '../storage/server-storage.js';
import type { SubmittedFile } from './submission-body.js';
import { nextReferenceSql } from './reference-numbers.js';
import { StartLedgerTable } from './start-ledger-table.js';

export type SubmissionState = 'pending' | 'confirmed' | 'unconfirmed' | 'failed';

export interface StoredSubmission {
  id: string;
  reference: string;
  serviceId: string;
  state: SubmissionState;
  idempotencyKeySha256: string | null;
  requestSha256: string | null;
  tokenSalt: string | null;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processVersion: number;
  formKey: string;
  data: Record<string, unknown>;
  processInstanceKey: string | null;
  createdAt: string;
  settledAt: string | null;
}

export interface NewSubmission extends Pick<StoredSubmission,
  'id' | 'serviceId' | 'idempotencyKeySha256' | 'requestSha256' | 'tokenSalt' | 'processDefinitionKey' | 'bpmnProcessId' | 'processVersion' | 'formKey' | 'data'> {
  referencePrefix: string;
  statusTokenSha256: string;
  files: (SubmittedFile & { id: string })[];
}

export interface StoredFile {
  id: string;
  submissionId: string;
  fieldKey: string;
  name: string;
  contentType: string;
  size: number;
}

interface SubmissionRow {
  id: string;
  reference: string;
  service_id: string;
  state: SubmissionState;
  idempotency_key_sha256: string | null;
  request_sha256: string | null;
  token_salt: string | null;
  process_definition_key: string;
  bpmn_process_id: string;
  process_version: number;
  form_key: string;
  data: Record<string, unknown> | string;
  process_instance_key: string | null;
  created_at: Date | string;
  settled_at: Date | string | null;
}

const COLUMNS = `id::text AS id, reference, service_id, state, idempotency_key_sha256, request_sha256, token_salt, process_definition_key,
  bpmn_process_id, process_version, form_key, data, process_instance_key, created_at, settled_at`;
const fileColumns = (alias = '') =>
  `${alias}id::text AS id, ${alias}submission_id::text AS submission_id, ${alias}field_key AS field_key, ${alias}name AS name, ${alias}content_type AS content_type, ${alias}size AS size`;

export class SubmissionStore extends StartLedgerTable<StoredSubmission, SubmissionRow> {
  constructor(sql: SqlClient) {
    super(sql, 'portal_submissions', COLUMNS, submissionOf);
  }

  /**
   * Writes a pending submission with a new reference number (`HUND-2026-000123`) from the counter row of its prefix
   * and year, in one statement (the counter row stays locked until the session's transaction ends, so numbers have no
   * gaps), and its files. Pass a transaction when there are files.
   */
  async insertPending(session: SqlSession, submission: NewSubmission, year: number): Promise<{ reference: string; createdAt: string }> {
    const next = nextReferenceSql('$12', '$13');
    const [row] = await session.query<{ reference: string; created_at: Date | string }>(
      `WITH ${next.cte}
       INSERT INTO portal_submissions (id, reference, service_id, state, status_token_sha256, idempotency_key_sha256, request_sha256, token_salt,
         process_definition_key, bpmn_process_id, process_version, form_key, data)
       SELECT $1, ${next.reference}, $2, 'pending', $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb
       FROM counter RETURNING reference, created_at`,
      [submission.id, submission.serviceId, submission.statusTokenSha256, submission.idempotencyKeySha256, submission.requestSha256,
        submission.tokenSalt, submission.processDefinitionKey, submission.bpmnProcessId, submission.processVersion, submission.formKey,
        JSON.stringify(submission.data), submission.referencePrefix, year],
    );
    for (const file of submission.files) {
      await session.query(
        'INSERT INTO portal_files (id, submission_id, field_key, name, content_type, size, sha256, content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [file.id, submission.id, file.key, file.name, file.contentType, file.content.length, file.sha256, file.content],
      );
    }
    return { reference: row.reference, createdAt: new Date(row.created_at).toISOString() };
  }

  async byIdempotencyKey(keySha256: string): Promise<StoredSubmission | undefined> {
    const [row] = await this.sql.query<SubmissionRow>(`SELECT ${COLUMNS} FROM portal_submissions WHERE idempotency_key_sha256 = $1`, [keySha256]);
    return row && submissionOf(row);
  }

  async byStatusToken(tokenSha256: string): Promise<StoredSubmission | undefined> {
    const [row] = await this.sql.query<SubmissionRow>(`SELECT ${COLUMNS} FROM portal_submissions WHERE status_token_sha256 = $1`, [tokenSha256]);
    return row && submissionOf(row);
  }

  async filesOf(submissionId: string): Promise<StoredFile[]> {
    const rows = await this.sql.query<FileRow>(`SELECT ${fileColumns()} FROM portal_files WHERE submission_id = $1 ORDER BY name, id`, [submissionId]);
    return rows.map(fileOf);
  }

  /** The files of the confirmed submission that started a process instance. */
  async filesOfInstance(processInstanceKey: string): Promise<StoredFile[]> {
    const rows = await this.sql.query<FileRow>(
      `SELECT ${fileColumns('f.')}
       FROM portal_files f JOIN portal_submissions s ON s.id = f.submission_id
       WHERE s.process_instance_key = $1 AND s.state = 'confirmed' ORDER BY f.name, f.id`,
      [processInstanceKey],
    );
    return rows.map(fileOf);
  }

  /** One file with its bytes, only if it belongs to the submission given. */
  fileContent(submissionId: string, fileId: string): Promise<(StoredFile & { content: Buffer }) | undefined> {
    return this.fileWhere('f.submission_id = $2', fileId, submissionId);
  }

  /** One file with its bytes, only if it belongs to the confirmed submission that started the process instance given. */
  fileContentOfInstance(processInstanceKey: string, fileId: string): Promise<(StoredFile & { content: Buffer }) | undefined> {
    return this.fileWhere(`s.process_instance_key = $2 AND s.state = 'confirmed'`, fileId, processInstanceKey);
  }

  private async fileWhere(condition: string, fileId: string, owner: string): Promise<(StoredFile & { content: Buffer }) | undefined> {
    if (!UUID.test(fileId)) return undefined;
    const [row] = await this.sql.query<FileRow & { content: Uint8Array }>(
      `SELECT ${fileColumns('f.')}, f.content FROM portal_files f JOIN portal_submissions s ON s.id = f.submission_id WHERE f.id = $1 AND ${condition}`,
      [fileId, owner],
    );
    return row && { ...fileOf(row), content: Buffer.from(row.content) };
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface FileRow {
  id: string;
  submission_id: string;
  field_key: string;
  name: string;
  content_type: string;
  size: number;
}

function fileOf(row: FileRow): StoredFile {
  return { id: row.id, submissionId: row.submission_id, fieldKey: row.field_key, name: row.name, contentType: row.content_type, size: row.size };
}

function submissionOf(row: SubmissionRow): StoredSubmission {
  return {
    id: row.id,
    reference: row.reference,
    serviceId: row.service_id,
    state: row.state,
    idempotencyKeySha256: row.idempotency_key_sha256,
    requestSha256: row.request_sha256,
    tokenSalt: row.token_salt,
    processDefinitionKey: row.process_definition_key,
    bpmnProcessId: row.bpmn_process_id,
    processVersion: row.process_version,
    formKey: row.form_key,
    data: typeof row.data === 'string' ? JSON.parse(row.data) as Record<string, unknown> : row.data,
    processInstanceKey: row.process_instance_key,
    createdAt: new Date(row.created_at).toISOString(),
    settledAt: row.settled_at === null ? null : new Date(row.settled_at).toISOString(),
  };
}
