/** A failure the storage layer detects itself (misuse, a bad option, a migration that cannot run), not one the database reports. */
export class StorageError extends Error {
  override name = 'StorageError';
}
