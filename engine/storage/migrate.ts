/**
 * Applies the plain SQL files in ./migrations in order, each once, in one transaction under an advisory lock, so
 * that two processes starting together against one server neither race nor apply a file twice.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { SqlClient } from './sql-client.js';
import { StorageError } from './storage-error.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The engine's own migrations. */
export const ENGINE_MIGRATIONS = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;

export async function readMigrations(dir: URL = ENGINE_MIGRATIONS): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const match = FILE_NAME.exec(name);
    if (!match) throw new StorageError(`Migration file ${name} must be named like 001_create_journal.sql`);
    const version = Number(match[1]);
    if (migrations.at(-1)?.version === version) throw new StorageError(`Two migration files have version ${match[1]}`);
    migrations.push({ version, name, sql: await readFile(new URL(name, dir), 'utf8') });
  }
  return migrations;
}

/** Brings the schema up to date; resolves with the names of the files it applied. */
export async function migrate(sql: SqlClient, schema: string, migrations?: Migration[]): Promise<string[]> {
  const known = migrations ?? (await readMigrations());
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`amtsflow.migrate.${schema}`]);
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${schema};
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const applied = new Set(rows.map((row) => row.version));
    const unknown = [...applied].filter((version) => !known.some((migration) => migration.version === version));
    if (unknown.length > 0) {
      throw new StorageError(`Schema ${schema} has migrations ${unknown.join(', ')} that this version of amtsflow does not know; it was written by a newer version`);
    }
    const pending = known.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new StorageError(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    return pending.map((migration) => migration.name);
  });
}
