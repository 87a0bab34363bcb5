/** Opens the engine's journal on PGlite under the data directory, or on the PostgreSQL server at `databaseUrl`. */
import { Journal } from './journal.js';
import { migrate } from './migrate.js';
import { openSqlClient, type SqlClientOptions } from './open-sql-client.js';

export interface JournalOptions extends Omit<SqlClientOptions, 'schema'> {
  /** The PostgreSQL schema for the engine's tables; `engine` unless given. */
  schema?: string;
}

export async function openJournal({ schema = 'engine', ...options }: JournalOptions): Promise<Journal> {
  const sql = await openSqlClient({ ...options, schema });
  try {
    await migrate(sql, schema);
    return await Journal.open(sql);
  } catch (error) {
    await sql.close();
    throw error;
  }
}
