/** Chooses the SqlClient: a PostgreSQL server when a URL is given, otherwise PGlite on disk. */
import path from 'node:path';
import { openPgPoolClient } from './pg-pool-client.js';
import { lockPgliteDir } from './pglite-dir-lock.js';
import { openPgliteWorkerClient } from './pglite-worker-client.js';
import type { SqlClient } from './sql-client.js';
import { StorageError } from './storage-error.js';

export interface SqlClientOptions {
  /** The engine's data directory; PGlite keeps its files in `<dataDir>/pglite`. */
  dataDir: string;
  /** A PostgreSQL server to use instead of PGlite. */
  databaseUrl?: string;
  /** The PostgreSQL schema that holds every table; it becomes the connection's search_path. */
  schema: string;
}

// Lower-case identifiers only, so the name needs no quoting in search_path, CREATE SCHEMA or a connection option.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openSqlClient({ dataDir, databaseUrl, schema }: SqlClientOptions): Promise<SqlClient> {
  if (!SCHEMA_NAME.test(schema)) {
    throw new StorageError(`The schema name "${schema}" must be lower-case letters, digits and underscores, not starting with a digit`);
  }
  if (databaseUrl !== undefined) return openPgPoolClient(databaseUrl, schema);
  return openPglite(path.join(dataDir, 'pglite'), schema);
}

async function openPglite(pgliteDir: string, schema: string): Promise<SqlClient> {
  const unlock = await lockPgliteDir(pgliteDir);
  try {
    const client = await openPgliteWorkerClient(pgliteDir, schema);
    return {
      ...client,
      async close() {
        await client.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
