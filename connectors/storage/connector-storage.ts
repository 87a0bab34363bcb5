/**
 * The database of the built-in connectors that keep tables (e-Akte, payment ledger): schema `connectors` on the
 * PostgreSQL server from DATABASE_URL, or PGlite in `<dataDir>/connectors` (PGlite allows one opener per directory,
 * and the connectors also run without the engine and the server). Opened through engine/storage's public face, the
 * one way amtsflow reaches PostgreSQL and PGlite, as the server does; nothing else in connectors/ imports engine/.
 */
import path from 'node:path';
import { openMigratedSqlClient, type SqlClient } from '../../engine/storage/index.js';

/** The schema's own migrations: the table in which each built-in records the migration files it applied. */
export const CONNECTOR_STORAGE_MIGRATIONS = new URL('../sdk/migrations/', import.meta.url);

export interface ConnectorStorageOptions {
  dataDir: string;
  databaseUrl?: string;
  /** `connectors` unless given. */
  schema?: string;
}

export function openConnectorStorage({ dataDir, databaseUrl, schema = 'connectors' }: ConnectorStorageOptions): Promise<SqlClient> {
  return openMigratedSqlClient({ dataDir: path.join(dataDir, 'connectors'), databaseUrl, schema, migrations: CONNECTOR_STORAGE_MIGRATIONS });
}
