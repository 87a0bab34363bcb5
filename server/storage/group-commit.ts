/**
 * Group commit for writes that arrive concurrently: while one transaction is on its way to the disk, the items that
 * arrive meanwhile wait and go together in the next one. On PGlite, whose one session runs one transaction at a time
 * (every statement a round trip to its worker, every commit a flush of a few ms), this is what lets many submissions
 * share a commit. A batch that fails is written again item by item, so one item's failure is only its own.
 */
import type { SqlClient, SqlSession } from './server-storage.js';

interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions<Item> {
  /** An item that may be written alone without a transaction (one statement, atomic by itself). */
  standsAlone?: (item: Item) => boolean;
  /** Run first in each transaction, such as `SET LOCAL synchronous_commit = off`. */
  prelude?: string;
  maxBatch?: number;
  /**
   * Transactions in flight at once: 1 for PGlite (one session anyway); more for a PostgreSQL server, whose pool
   * commits in parallel and whose WAL writer groups concurrent commits by itself.
   */
  maxInFlight?: number;
}

export class GroupCommit<Item, Result> {
  private readonly waiting: Waiting<Item, Result>[] = [];
  private inFlight = 0;

  /** `writeBatch` writes the items of one transaction (or one standing alone) and answers their results in order. */
  constructor(
    private readonly sql: SqlClient,
    private readonly writeBatch: (session: SqlSession, items: readonly Item[]) => Promise<Result[]>,
    private readonly options: GroupCommitOptions<Item> = {},
  ) {}

  /** A batch writer that writes the items one after the other, for writes that have no form for many at once. */
  static itemByItem<Item, Result>(writeItem: (session: SqlSession, item: Item) => Promise<Result>) {
    return async (session: SqlSession, items: readonly Item[]): Promise<Result[]> => {
      const results: Result[] = [];
      for (const item of items) results.push(await writeItem(session, item));
      return results;
    };
  }

  write(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.inFlight < (this.options.maxInFlight ?? 1)) void this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    this.inFlight += 1;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch ?? 64);
      try {
        const results = await this.writeTogether(batch);
        batch.forEach((entry, index) => entry.resolve(results[index]));
      } catch (error) {
        if (batch.length === 1) batch[0].reject(error);
        else for (const entry of batch) await this.writeTogether([entry]).then(([result]) => entry.resolve(result), entry.reject);
      }
    }
    this.inFlight -= 1;
  }

  private async writeTogether(batch: Waiting<Item, Result>[]): Promise<Result[]> {
    const items = batch.map((entry) => entry.item);
    if (items.length === 1 && this.options.standsAlone?.(items[0])) return this.writeBatch(this.sql, items);
    return this.sql.transaction(async (tx) => {
      if (this.options.prelude) await tx.exec(this.options.prelude);
      return this.writeBatch(tx, items);
    });
  }
}
