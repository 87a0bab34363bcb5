/**
 * For tests: the databases the connectors' SQL runs against, through the project's own storage client (engine/storage
 * `SqlClient`, which has the `SqlExecutor` shape): PGlite on disk always, and the PostgreSQL server when
 * AMTSFLOW_TEST_DATABASE_URL is set. Each opened database is a fresh schema, dropped on close.
 */
import { openSqlClient } from '../../../../engine/storage/open-sql-client.js';
import { storageTargets } from '../../../../engine/storage/storage-test-targets.js';
import type { SqlExecutor } from './sql-executor.js';

export interface SqlTestDatabase extends SqlExecutor {
  close(): Promise<void>;
}

export interface SqlTestTarget {
  name: string;
  open(): Promise<SqlTestDatabase>;
}

export function sqlTestTargets(): SqlTestTarget[] {
  return storageTargets().map((target) => ({
    name: target.name,
    async open() {
      await target.setUp();
      const options = target.freshOptions();
      const client = await openSqlClient(options);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
      return {
        query: (sql, params) => client.query(sql, params),
        transaction: (work) => client.transaction((tx) => work(tx)),
        async close() {
          await client.close();
          await target.tearDown();
        },
      };
    },
  }));
}
