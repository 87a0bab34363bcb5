/**
 * Opens the engine's storage on PGlite under the data directory, or on the PostgreSQL server at `databaseUrl`: the SQL
 * client, migrated, and the journal on it. The exporters and their readers share that client, because PGlite allows
 * one opener per data directory.
 */
import { Journal } from './journal.js';
import { ENGINE_MIGRATIONS } from './migrate.js';
import { openMigratedSqlClient } from './open-migrated-sql-client.js';
import type { SqlClientOptions } from './open-sql-client.js';
import type { SqlClient } from './sql-client.js';

export interface StorageOptions extends Omit<SqlClientOptions, 'schema'> {
  /** The PostgreSQL schema for the engine's tables; `engine` unless given. */
  schema?: string;
}

export interface EngineStorage {
  /** Closed by closing the journal. */
  sql: SqlClient;
  journal: Journal;
}

export async function openStorage({ schema = 'engine', ...options }: StorageOptions): Promise<EngineStorage> {
  const sql = await openMigratedSqlClient({ ...options, schema, migrations: ENGINE_MIGRATIONS });
  try {
    return { sql, journal: await Journal.open(sql) };
  } catch (error) {
    await sql.close();
    throw error;
  }
}

/** The journal alone, for callers that need no other table (tests, benchmarks, fault checks). */
export async function openJournal(options: StorageOptions): Promise<Journal> {
  return (await openStorage(options)).journal;
}
