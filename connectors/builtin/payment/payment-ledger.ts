/** The payment transactions amtsflow asked for, in PostgreSQL: each change is one conditional statement. */
import { applyMigrations, type SqlExecutor } from '../../sdk/index.js';
import type { PaymentStatus } from './xbezahldienste-protocol.js';

const MIGRATIONS = new URL('./migrations/', import.meta.url);

export interface LedgerEntry {
  requestId: string;
  endPointId: string;
  kassenzeichen: string;
  amountCents: number;
  currency: string;
  purpose: string;
  messageName: string;
  processInstanceKey?: string;
  transactionId?: string;
  transactionRedirectUrl?: string;
  /** Absent until the provider has created the transaction. */
  status?: PaymentStatus;
  paymentMethod?: string;
  /** Why the transaction is not correlated (e.g. the provider reports another amount). */
  problem?: string;
  createdAt: string;
  statusChangedAt?: string;
  correlatedAt?: string;
}

interface LedgerRow {
  request_id: string;
  end_point_id: string;
  kassenzeichen: string;
  amount_cents: number | string;
  currency: string;
  purpose: string;
  message_name: string;
  process_instance_key: string | null;
  transaction_id: string | null;
  transaction_redirect_url: string | null;
  status: PaymentStatus | null;
  payment_method: string | null;
  problem: string | null;
  created_at: string;
  status_changed_at: string | null;
  correlated_at: string | null;
}

const timestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;
const COLUMNS = `request_id, end_point_id, kassenzeichen, amount_cents, currency, purpose, message_name, process_instance_key, transaction_id,
  transaction_redirect_url, status, payment_method, problem, ${timestamp('created_at')}, ${timestamp('status_changed_at')}, ${timestamp('correlated_at')}`;

export class PaymentLedger {
  private constructor(private readonly sql: SqlExecutor) {}

  static async open(sql: SqlExecutor): Promise<PaymentLedger> {
    await applyMigrations(sql, 'payment', MIGRATIONS);
    return new PaymentLedger(sql);
  }

  /** Records the request before the provider is called; a request id seen before returns the earlier entry. */
  async reserve(entry: Omit<LedgerEntry, 'createdAt'>): Promise<LedgerEntry> {
    await this.sql.query(
      `INSERT INTO payment_transactions (request_id, end_point_id, kassenzeichen, amount_cents, currency, purpose, message_name, process_instance_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (request_id) DO NOTHING`,
      [entry.requestId, entry.endPointId, entry.kassenzeichen, entry.amountCents, entry.currency, entry.purpose, entry.messageName, entry.processInstanceKey ?? null],
    );
    return (await this.byRequestId(entry.requestId))!;
  }

  /** Stores the provider's transaction for the request, unless one is stored already; returns the entry. */
  async recordCreated(requestId: string, transaction: { transactionId: string; transactionRedirectUrl: string; status: PaymentStatus }): Promise<LedgerEntry> {
    await this.sql.query(
      `UPDATE payment_transactions SET transaction_id = $2, transaction_redirect_url = $3, status = $4,
         status_changed_at = CASE WHEN $4 = 'INITIAL' THEN NULL ELSE now() END
       WHERE request_id = $1 AND transaction_id IS NULL`,
      [requestId, transaction.transactionId, transaction.transactionRedirectUrl, transaction.status],
    );
    return (await this.byRequestId(requestId))!;
  }

  async byRequestId(requestId: string): Promise<LedgerEntry | undefined> {
    const [row] = await this.sql.query<LedgerRow>(`SELECT ${COLUMNS} FROM payment_transactions WHERE request_id = $1`, [requestId]);
    return row && toEntry(row);
  }

  async byTransactionId(transactionId: string): Promise<LedgerEntry | undefined> {
    const [row] = await this.sql.query<LedgerRow>(`SELECT ${COLUMNS} FROM payment_transactions WHERE transaction_id = $1`, [transactionId]);
    return row && toEntry(row);
  }

  /** Moves a transaction from open to a final status; a final status never changes again. False if it was final. */
  async recordFinalStatus(transactionId: string, status: PaymentStatus, paymentMethod: string | undefined): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE payment_transactions SET status = $2, payment_method = $3, status_changed_at = now()
       WHERE transaction_id = $1 AND (status IS NULL OR status = 'INITIAL') RETURNING request_id`,
      [transactionId, status, paymentMethod ?? null],
    );
    return rows.length === 1;
  }

  async recordProblem(transactionId: string, problem: string): Promise<void> {
    await this.sql.query('UPDATE payment_transactions SET problem = $2 WHERE transaction_id = $1', [transactionId, problem]);
  }

  async markCorrelated(transactionId: string): Promise<void> {
    await this.sql.query('UPDATE payment_transactions SET correlated_at = now() WHERE transaction_id = $1 AND correlated_at IS NULL', [transactionId]);
  }

  /** Transactions the process has not been told about, created before `createdBefore`, oldest first. */
  async uncorrelated(createdBefore: Date, limit: number): Promise<LedgerEntry[]> {
    const rows = await this.sql.query<LedgerRow>(
      `SELECT ${COLUMNS} FROM payment_transactions
       WHERE correlated_at IS NULL AND transaction_id IS NOT NULL AND problem IS NULL AND created_at <= $1
       ORDER BY created_at LIMIT $2`,
      [createdBefore.toISOString(), limit],
    );
    return rows.map(toEntry);
  }

  /** Requests whose transaction was never recorded (the create job has not got through yet). */
  async countWithoutTransaction(): Promise<number> {
    const [row] = await this.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM payment_transactions WHERE transaction_id IS NULL');
    return row.count;
  }
}

function toEntry(row: LedgerRow): LedgerEntry {
  const entry: Record<string, unknown> = {
    requestId: row.request_id,
    endPointId: row.end_point_id,
    kassenzeichen: row.kassenzeichen,
    amountCents: Number(row.amount_cents),
    currency: row.currency,
    purpose: row.purpose,
    messageName: row.message_name,
    processInstanceKey: row.process_instance_key,
    transactionId: row.transaction_id,
    transactionRedirectUrl: row.transaction_redirect_url,
    status: row.status,
    paymentMethod: row.payment_method,
    problem: row.problem,
    createdAt: row.created_at,
    statusChangedAt: row.status_changed_at,
    correlatedAt: row.correlated_at,
  };
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== null)) as unknown as LedgerEntry;
}
