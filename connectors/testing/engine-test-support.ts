/**
 * Test support only: everything connectors' tests take from engine/ passes through this file, so the dependency is
 * in one place and named. From the engine's test harness: the embedded engine on a free port with a zeebe-node client
 * (`startTestEngine`), `eventually`, and BPMN fragments. From engine/storage's test targets: the databases the
 * connectors' SQL is tested on, through the project's own storage client (PGlite on disk always, the PostgreSQL
 * server too when AMTSFLOW_TEST_DATABASE_URL is set); each opened database is a fresh schema, dropped on close.
 */
import { openSqlClient } from '../../engine/storage/open-sql-client.js';
import { storageTargets } from '../../engine/storage/storage-test-targets.js';
import type { SqlExecutor } from '../sdk/sql-executor.js';

export { bpmnProcess, eventually, flow, scriptTask, serviceTask, startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
export { boundaryEvent, catchEvent, endEvent, error, errorDefinition, message, messageDefinition } from '../../engine/tests/event-xml.js';

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
