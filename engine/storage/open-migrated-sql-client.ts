/**
 * Opens a SqlClient on one schema and applies that schema's migrations: the one way amtsflow's components (the
 * engine, the platform server) get their tables in PostgreSQL or PGlite.
 */
import { migrate, readMigrations } from './migrate.js';
import { openSqlClient, type SqlClientOptions } from './open-sql-client.js';
import type { SqlClient } from './sql-client.js';

export interface MigratedSqlClientOptions extends SqlClientOptions {
  /** The folder of plain SQL files (`001_name.sql`, ...) that build the schema, as a file URL ending in `/`. */
  migrations: URL;
}

export async function openMigratedSqlClient({ migrations, ...options }: MigratedSqlClientOptions): Promise<SqlClient> {
  const sql = await openSqlClient(options);
  try {
    await migrate(sql, options.schema, await readMigrations(migrations));
    return sql;
  } catch (error) {
    await sql.close();
    throw error;
  }
}
