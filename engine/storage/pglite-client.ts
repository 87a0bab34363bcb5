/** SqlClient over PGlite on disk, in the calling thread. The engine reaches it through the PGlite worker. */
import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { DURABLE_START_PARAMS, DurableNodeFS } from './durable-node-fs.js';
import type { SqlClient, SqlSession } from './sql-client.js';

export async function openPgliteClient(dataDir: string, schema: string): Promise<SqlClient> {
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ fs: new DurableNodeFS(dataDir), startParams: DURABLE_START_PARAMS });
  await db.exec(`SET search_path TO ${schema}`);
  return {
    ...sessionOf(db),
    transaction: (work) => db.transaction((tx) => work(sessionOf(tx))),
    close: () => db.close(),
  };
}

function sessionOf(target: PGlite | Transaction): SqlSession {
  return {
    query: async <Row>(sql: string, params?: readonly unknown[]) =>
      (await target.query<Row>(sql, params as unknown[] | undefined)).rows,
    exec: async (sql) => {
      await target.exec(sql);
    },
  };
}
