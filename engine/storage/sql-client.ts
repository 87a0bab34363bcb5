/** The small SQL surface the engine's storage needs, the same over PGlite and a PostgreSQL server. */
export type SqlRow = Record<string, unknown>;

export interface SqlSession {
  /** One statement with `$1`, `$2`, ... parameters; resolves to its rows. */
  query<Row = SqlRow>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters, such as a migration file. */
  exec(sql: string): Promise<void>;
}

export interface SqlClient extends SqlSession {
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws.
   * Inside, use only the session it is given; the client itself may wait for the transaction to end.
   */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
