/**
 * Applies a component's plain SQL migration files once each, in order, recorded in `connector_migrations`. With a
 * transactional executor this happens in one transaction under an advisory lock, so two processes starting together
 * do not race; the statements are idempotent (IF NOT EXISTS) for executors without transactions.
 */
import { readdir, readFile } from 'node:fs/promises';
import { inTransaction, type SqlExecutor } from './sql-executor.js';

const FILE_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;
/** The table that records what ran: one statement, shared with the built-ins' own schema as its first migration. */
const BOOKKEEPING_TABLE = new URL('./migrations/001_connector_migrations.sql', import.meta.url);

/** Statements are separated by a semicolon at the end of a line (the files are ours; no function bodies). */
function statementsOf(text: string): string[] {
  return text.split(/;\s*$/m).map((statement) => statement.replace(/^\s*--.*$/gm, '').trim()).filter((statement) => statement !== '');
}

/** Applies the `NNN_name.sql` files in `directory` for `component`; resolves with the names it applied. */
export async function applyMigrations(sql: SqlExecutor, component: string, directory: URL): Promise<string[]> {
  const names = (await readdir(directory)).filter((name) => FILE_NAME.test(name)).sort();
  const files = await Promise.all(names.map(async (name) => ({ name, statements: statementsOf(await readFile(new URL(name, directory), 'utf8')) })));
  const [createBookkeepingTable] = statementsOf(await readFile(BOOKKEEPING_TABLE, 'utf8'));
  return inTransaction(sql, async (tx) => {
    if (sql.transaction) await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`amtsflow.connector-migrations.${component}`]);
    await tx.query(createBookkeepingTable);
    const applied = new Set((await tx.query<{ name: string }>('SELECT name FROM connector_migrations WHERE component = $1', [component])).map((row) => row.name));
    const pending = files.filter((file) => !applied.has(file.name));
    for (const file of pending) {
      for (const statement of file.statements) await tx.query(statement);
      await tx.query('INSERT INTO connector_migrations (component, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [component, file.name]);
    }
    return pending.map((file) => file.name);
  });
}
