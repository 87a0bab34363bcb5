/**
 * The SQL surface a connector that keeps its own tables needs (the e-Akte, the payment ledger), kept this small so
 * that connectors do not depend on engine/ or server/ internals: engine/storage's `SqlClient` (PGlite or pg) has this
 * shape, and a bare `pg.Pool` or PGlite is adapted in one line. A client that also offers `transaction` gets atomic
 * multi-statement changes.
 */
export type SqlRow = Record<string, unknown>;

export interface SqlExecutor {
  /** One statement with `$1`, `$2`, ... parameters; resolves to its rows. */
  query<Row = SqlRow>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction on one connection, when the client can. */
  transaction?<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/** Runs `work` in a transaction when the executor offers one, else statement by statement. */
export function inTransaction<T>(sql: SqlExecutor, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return sql.transaction ? sql.transaction(work) : work(sql);
}
