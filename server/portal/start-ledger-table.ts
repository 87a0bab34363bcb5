/**
 * The settling statements of a `StartLedger` table, written once for every table of rows that are written `pending`
 * before their instance is asked for (`portal_submissions`, `invoice_intakes`): each has `id`, `state`,
 * `process_instance_key`, `failure`, `attempted_at` and `settled_at`. The tables' stores extend it with their own
 * queries.
 */
import type { SqlClient, SqlSession } from '../storage/server-storage.js';
import type { PendingStart, SettledState, StartLedger } from './submission-settlement.js';

export class StartLedgerTable<Row extends PendingStart, StoredRow> implements StartLedger<Row> {
  /** `columns` is the SELECT list `rowOf` reads. */
  constructor(
    protected readonly sql: SqlClient,
    private readonly table: 'portal_submissions' | 'invoice_intakes',
    private readonly columns: string,
    private readonly rowOf: (row: StoredRow) => Row,
  ) {}

  async settle(tx: SqlSession, id: string, outcome: SettledState): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE ${this.table} SET state = $2, process_instance_key = $3, failure = $4, settled_at = now()
       WHERE id = $1 AND state IN ('pending', 'unconfirmed') RETURNING id`,
      [id, outcome.state, outcome.state === 'confirmed' ? outcome.processInstanceKey : null, outcome.state === 'failed' ? outcome.failure : null],
    );
    return rows.length > 0;
  }

  async confirmAll(tx: SqlSession, confirmations: readonly { id: string; processInstanceKey: string }[]): Promise<Set<string>> {
    const rows = await tx.query<{ id: string }>(
      `UPDATE ${this.table} t SET state = 'confirmed', process_instance_key = c.instance_key, settled_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS c(id, instance_key)
       WHERE t.id = c.id AND t.state IN ('pending', 'unconfirmed') RETURNING t.id::text AS id`,
      [confirmations.map((confirmation) => confirmation.id), confirmations.map((confirmation) => confirmation.processInstanceKey)],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Moving `attempted_at` on is the claim, so another server replica leaves the row alone for as long. */
  async claimStalePending(olderThanMs: number): Promise<Row | undefined> {
    const [row] = await this.sql.query<StoredRow>(
      `UPDATE ${this.table} SET attempted_at = now()
       WHERE id = (SELECT id FROM ${this.table} WHERE state = 'pending' AND attempted_at < now() - make_interval(secs => $1::float8 / 1000)
                   ORDER BY attempted_at LIMIT 1)
         AND state = 'pending' AND attempted_at < now() - make_interval(secs => $1::float8 / 1000)
       RETURNING ${this.columns}`,
      [olderThanMs],
    );
    return row && this.rowOf(row);
  }
}
