/** engine/storage: the engine's durable journal and snapshots in PostgreSQL (PGlite on disk, or a server). */
export { openJournal, type JournalOptions } from './open-journal.js';
export type { Journal, JournalBatch, JournalSnapshot } from './journal.js';
export { StorageError } from './storage-error.js';
