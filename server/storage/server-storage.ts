/**
 * The server's tables in schema `server`: on the PostgreSQL server from DATABASE_URL (beside the engine's schema), or
 * in the server's own PGlite directory `<dataDir>/server`, because PGlite allows one opener per directory and the
 * server must not depend on the embedded engine (it also runs against a real Zeebe cluster).
 */
import path from 'node:path';
import { openMigratedSqlClient, type SqlClient } from '../../engine/storage/index.js';

export type { SqlClient, SqlRow, SqlSession } from '../../engine/storage/index.js';

export const SERVER_MIGRATIONS = new URL('./migrations/', import.meta.url);

export interface ServerStorageOptions {
  /** The data directory; the server's PGlite lives in `<dataDir>/server/pglite`. */
  dataDir: string;
  databaseUrl?: string;
  /** `server` unless given (tests use a fresh schema each). */
  schema?: string;
}

export function openServerStorage({ dataDir, databaseUrl, schema = 'server' }: ServerStorageOptions): Promise<SqlClient> {
  return openMigratedSqlClient({ dataDir: path.join(dataDir, 'server'), databaseUrl, schema, migrations: SERVER_MIGRATIONS });
}

/** SQLSTATE 23505: a unique constraint refused a row. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
