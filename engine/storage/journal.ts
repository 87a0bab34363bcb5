/** The engine's journal: batches of records appended durably in order, and snapshots of the state. */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { EngineJournal, JournalBatch, JournalSnapshot } from '../runtime/journal.js';
import type { SqlClient } from './sql-client.js';
import { StorageError } from './storage-error.js';

export type { JournalBatch, JournalSnapshot };

/** A batch as read back: with the time it was written (epoch milliseconds, the database's clock). */
export interface StoredBatch extends JournalBatch {
  writtenAt: number;
}

interface BatchRow {
  position: string;
  last_key: string;
  records: string;
  written_at_ms: number;
}

interface SnapshotRow {
  position: string;
  last_key: string;
  state_gzip_base64: string;
}

/** Records per page when reading, roughly (see `pages`). */
const READ_PAGE_RECORDS = 20_000;
const READ_PAGE_BATCHES = { first: 50, max: 1000 };
/** Snapshots kept: the newest, and the one before it as a spare. */
const SNAPSHOTS_KEPT = 2;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
// Large chunks: with zlib's default 16 kB, a 50 MB state costs thousands of callbacks on the engine's thread.
const ZLIB_CHUNK = 1 << 20;

export class Journal implements EngineJournal {
  private appending = false;

  private constructor(
    private readonly sql: SqlClient,
    private lastAppended: number,
  ) {}

  static async open(sql: SqlClient): Promise<Journal> {
    return new Journal(sql, await lastPositionIn(sql));
  }

  /**
   * Appends one batch as one row, committed durably before the promise resolves. Positions must increase and only
   * one append may be in flight. If it rejects, the batch may or may not be committed: recover from the journal.
   */
  async append(batch: JournalBatch): Promise<void> {
    if (this.appending) {
      throw new StorageError(`Batch ${batch.position} was appended while another append was in flight; wait for each append to resolve`);
    }
    assertPosition(batch.position);
    assertKey(batch.lastKey);
    if (batch.position <= this.lastAppended) {
      throw new StorageError(`Batch position ${batch.position} must be greater than the last appended position ${this.lastAppended}`);
    }
    this.appending = true;
    try {
      await this.sql.query('INSERT INTO journal (position, last_key, records) VALUES ($1, $2, $3)', [
        batch.position,
        batch.lastKey,
        JSON.stringify(batch.records),
      ]);
      this.lastAppended = batch.position;
    } finally {
      this.appending = false;
    }
  }

  /** Calls `onBatch` for every batch after `afterPosition`, in order, reading a page at a time. */
  async readBatches(afterPosition: number, onBatch: (batch: JournalBatch) => void): Promise<void> {
    for await (const page of this.pages(afterPosition)) {
      for (const { position, lastKey, records } of page) onBatch({ position, lastKey, records });
    }
  }

  /**
   * The batches after `afterPosition` in order, a page at a time, each page about `recordsPerPage` records (a batch is
   * never split), up to the newest batch committed when the last page is read. For exporters, which handle a page in
   * one transaction, and for recovery.
   */
  async *pages(afterPosition: number, recordsPerPage = READ_PAGE_RECORDS): AsyncGenerator<StoredBatch[]> {
    let after = afterPosition;
    let limit = Math.min(READ_PAGE_BATCHES.first, recordsPerPage);
    for (;;) {
      const rows = await this.sql.query<BatchRow>(
        `SELECT position::text AS position, last_key::text AS last_key, records, (extract(epoch FROM written_at) * 1000)::float8 AS written_at_ms
         FROM journal WHERE position > $1 ORDER BY journal.position LIMIT $2`,
        [after, limit],
      );
      const page = rows.map((row): StoredBatch => ({
        position: Number(row.position),
        lastKey: row.last_key,
        records: JSON.parse(row.records) as unknown[],
        writtenAt: row.written_at_ms,
      }));
      const recordCount = page.reduce((sum, batch) => sum + batch.records.length, 0);
      if (page.length > 0) {
        after = page.at(-1)!.position;
        yield page;
      }
      if (rows.length < limit) return;
      // Batches hold anything from one record to thousands, so the next page's size follows the batches read so far.
      limit = Math.max(1, Math.min(READ_PAGE_BATCHES.max, Math.floor((recordsPerPage * rows.length) / Math.max(recordCount, 1))));
    }
  }

  /** The position of the newest batch, or 0 when the journal is empty. */
  lastPosition(): Promise<number> {
    return lastPositionIn(this.sql);
  }

  /**
   * Stores a snapshot of the state as of `position` and drops all but the newest two. A second snapshot at the same
   * position (a restart and a stop with nothing in between) replaces the first.
   */
  async writeSnapshot(snapshot: JournalSnapshot): Promise<void> {
    if (!Number.isSafeInteger(snapshot.position) || snapshot.position < 0) {
      throw new StorageError(`Snapshot position must be a non-negative integer, got ${snapshot.position}`);
    }
    assertKey(snapshot.lastKey);
    const compressed = (await gzipAsync(snapshot.state, { level: 1, chunkSize: ZLIB_CHUNK })).toString('base64');
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO snapshot (position, last_key, state_gzip_base64) VALUES ($1, $2, $3)
         ON CONFLICT (position) DO UPDATE SET last_key = excluded.last_key, state_gzip_base64 = excluded.state_gzip_base64, written_at = now()`,
        [snapshot.position, snapshot.lastKey, compressed],
      );
      await tx.query(
        'DELETE FROM snapshot WHERE position NOT IN (SELECT position FROM snapshot ORDER BY position DESC LIMIT $1)',
        [SNAPSHOTS_KEPT],
      );
    });
  }

  async latestSnapshot(): Promise<JournalSnapshot | undefined> {
    const [row] = await this.sql.query<SnapshotRow>(
      'SELECT position::text AS position, last_key::text AS last_key, state_gzip_base64 FROM snapshot ORDER BY snapshot.position DESC LIMIT 1',
    );
    if (!row) return undefined;
    const state = (await gunzipAsync(Buffer.from(row.state_gzip_base64, 'base64'), { chunkSize: ZLIB_CHUNK })).toString('utf8');
    return { position: Number(row.position), lastKey: row.last_key, state };
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}

async function lastPositionIn(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ position: string | null }>('SELECT max(position)::text AS position FROM journal');
  return Number(row?.position ?? 0);
}

function assertPosition(position: number): void {
  if (!Number.isSafeInteger(position) || position <= 0) {
    throw new StorageError(`Batch position must be a positive integer, got ${position}`);
  }
}

function assertKey(key: string): void {
  if (!/^\d{1,19}$/.test(key)) throw new StorageError(`A key must be a decimal string of a 64-bit number, got "${key}"`);
}
