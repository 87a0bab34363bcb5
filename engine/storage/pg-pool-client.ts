/** SqlClient over a PostgreSQL server through a `pg` pool. */
import pg from 'pg';
import type { SqlClient, SqlSession } from './sql-client.js';

export function openPgPoolClient(databaseUrl: string, schema: string): SqlClient {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // A server configured with synchronous_commit=off would acknowledge appends before they are on disk.
    options: `-c search_path=${schema} -c synchronous_commit=on`,
  });
  // An idle connection that breaks is dropped by the pool and the next query opens a new one; without a
  // listener the 'error' event would crash the process.
  pool.on('error', () => {});
  return {
    ...sessionOf(pool),
    async transaction(work) {
      const connection = await pool.connect();
      let broken: Error | undefined;
      try {
        await connection.query('BEGIN');
        const result = await work(sessionOf(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        connection.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

function sessionOf(target: pg.Pool | pg.PoolClient): SqlSession {
  return {
    query: async <Row>(sql: string, params?: readonly unknown[]) =>
      (await target.query(sql, params as unknown[] | undefined)).rows as Row[],
    exec: async (sql) => {
      await target.query(sql);
    },
  };
}
