/** engine/storage: the engine's durable journal and snapshots in PostgreSQL (PGlite on disk, or a server). */
export { openJournal, openStorage, type EngineStorage, type StorageOptions } from './open-storage.js';
export type { Journal, JournalBatch, JournalSnapshot, StoredBatch } from './journal.js';
export type { SqlClient, SqlRow, SqlSession } from './sql-client.js';
export { StorageError } from './storage-error.js';
// The SQL client and migrations, shared with the platform server so that PostgreSQL and PGlite are reached one way.
export { openMigratedSqlClient, type MigratedSqlClientOptions } from './open-migrated-sql-client.js';
