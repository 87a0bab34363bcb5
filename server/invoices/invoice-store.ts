/**
 * The received invoices (`invoice_intakes`): each written `pending` with its Aktenzeichen before the
 * rechnungsworkflow instance is asked for, then settled by the portal's settlement (a `StartLedgerTable`), so an
 * acknowledged invoice survives a crash and a pending one is started or confirmed by the background settling.
 */
import type { DocumentReference } from '../../connectors/index.js';
import { nextReferenceSql } from '../portal/reference-numbers.js';
import { StartLedgerTable } from '../portal/start-ledger-table.js';
import type { PendingStart } from '../portal/submission-settlement.js';
import type { SqlClient, SqlSession } from '../storage/server-storage.js';

export type InvoiceSyntax = 'ubl-invoice' | 'ubl-credit-note' | 'cii';
export type IntakeState = 'pending' | 'confirmed' | 'unconfirmed' | 'failed';

/** The Aktenzeichen prefix of received invoices. */
export const AKTENZEICHEN_PREFIX = 'RECH';

export interface NewInvoice {
  id: string;
  idempotencyKeySha256: string | null;
  requestSha256: string | null;
  syntax: InvoiceSyntax;
  document: DocumentReference;
  bpmnProcessId: string;
  processVersion: number;
  receivedBy: string;
}

/** A stored invoice; as a `PendingStart` its instance gets `rechnung` and `aktenzeichen`. */
export interface StoredInvoice extends PendingStart {
  state: IntakeState;
  idempotencyKeySha256: string | null;
  requestSha256: string | null;
  syntax: InvoiceSyntax;
  document: DocumentReference;
  processInstanceKey: string | null;
  createdAt: string;
}

interface InvoiceRow {
  id: string;
  aktenzeichen: string;
  state: IntakeState;
  idempotency_key_sha256: string | null;
  request_sha256: string | null;
  syntax: InvoiceSyntax;
  document: DocumentReference | string;
  bpmn_process_id: string;
  process_version: number;
  process_instance_key: string | null;
  created_at: Date | string;
}

const COLUMNS = `id::text AS id, aktenzeichen, state, idempotency_key_sha256, request_sha256, syntax, document, bpmn_process_id,
  process_version, process_instance_key, created_at`;

export class InvoiceStore extends StartLedgerTable<StoredInvoice, InvoiceRow> {
  constructor(sql: SqlClient) {
    super(sql, 'invoice_intakes', COLUMNS, invoiceOf);
  }

  /** Writes a pending invoice with the next Aktenzeichen of the year, in one statement. */
  async insertPending(session: SqlSession, invoice: NewInvoice, year: number): Promise<StoredInvoice> {
    const next = nextReferenceSql('$9', '$10');
    const [row] = await session.query<InvoiceRow>(
      `WITH ${next.cte}
       INSERT INTO invoice_intakes (id, aktenzeichen, state, idempotency_key_sha256, request_sha256, syntax, document, bpmn_process_id, process_version, received_by)
       SELECT $1, ${next.reference}, 'pending', $2, $3, $4, $5::jsonb, $6, $7, $8
       FROM counter RETURNING ${COLUMNS}`,
      [invoice.id, invoice.idempotencyKeySha256, invoice.requestSha256, invoice.syntax, JSON.stringify(invoice.document),
        invoice.bpmnProcessId, invoice.processVersion, invoice.receivedBy, AKTENZEICHEN_PREFIX, year],
    );
    return invoiceOf(row);
  }

  async byIdempotencyKey(keySha256: string): Promise<StoredInvoice | undefined> {
    const [row] = await this.sql.query<InvoiceRow>(`SELECT ${COLUMNS} FROM invoice_intakes WHERE idempotency_key_sha256 = $1`, [keySha256]);
    return row && invoiceOf(row);
  }
}

function invoiceOf(row: InvoiceRow): StoredInvoice {
  const document = typeof row.document === 'string' ? JSON.parse(row.document) as DocumentReference : row.document;
  return {
    id: row.id,
    reference: row.aktenzeichen,
    bpmnProcessId: row.bpmn_process_id,
    processVersion: row.process_version,
    // The rechnungsworkflow's start variables (processes/rechnungsworkflow/README.md).
    data: { rechnung: document, aktenzeichen: row.aktenzeichen },
    state: row.state,
    idempotencyKeySha256: row.idempotency_key_sha256,
    requestSha256: row.request_sha256,
    syntax: row.syntax,
    document,
    processInstanceKey: row.process_instance_key,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
