import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Journal, JournalBatch } from './journal.js';
import { openJournal } from './open-storage.js';
import { openSqlClient, type SqlClientOptions } from './open-sql-client.js';
import { StorageError } from './storage-error.js';
import { storageTargets } from './storage-test-targets.js';

const FIRST_KEY = 2251799813685249n;

function batchAt(position: number): JournalBatch {
  return {
    position,
    lastKey: String(FIRST_KEY + BigInt(position)),
    records: [{ key: String(FIRST_KEY + BigInt(position)), intent: 'ELEMENT_ACTIVATED', value: { owner: 'Jürgen Köhler' } }],
  };
}

async function appendBatches(journal: Journal, from: number, to: number): Promise<void> {
  for (let position = from; position <= to; position++) await journal.append(batchAt(position));
}

async function readAll(journal: Journal, afterPosition = 0): Promise<JournalBatch[]> {
  const batches: JournalBatch[] = [];
  await journal.readBatches(afterPosition, (batch) => batches.push(batch));
  return batches;
}

describe.each(storageTargets())('the journal on $name', (target) => {
  let options: SqlClientOptions;
  const open: Journal[] = [];
  const openFresh = async () => {
    options = target.freshOptions();
    return reopen();
  };
  const reopen = async () => {
    const journal = await openJournal(options);
    open.push(journal);
    return journal;
  };
  const close = async (journal: Journal) => {
    open.splice(open.indexOf(journal), 1);
    await journal.close();
  };

  beforeAll(() => target.setUp());
  afterEach(() => Promise.all(open.splice(0).map((journal) => journal.close())));
  afterAll(() => target.tearDown());

  it('starts empty, at position 0 and without a snapshot', async () => {
    const journal = await openFresh();
    expect(await journal.lastPosition()).toBe(0);
    expect(await journal.latestSnapshot()).toBeUndefined();
    expect(await readAll(journal)).toEqual([]);
  });

  it('reads batches back in order from any position, across several pages', async () => {
    const journal = await openFresh();
    await appendBatches(journal, 1, 400);
    expect(await journal.lastPosition()).toBe(400);
    expect(await readAll(journal)).toEqual(Array.from({ length: 400 }, (_, i) => batchAt(i + 1)));
    expect((await readAll(journal, 137)).map((batch) => batch.position)).toEqual(Array.from({ length: 263 }, (_, i) => i + 138));
    expect(await readAll(journal, 400)).toEqual([]);
  });

  it('reads large batches back completely while it shrinks its pages', async () => {
    const journal = await openFresh();
    const large = (position: number): JournalBatch => ({ ...batchAt(position), records: Array.from({ length: 1000 }, (_, index) => ({ position, index })) });
    for (let position = 1; position <= 60; position++) await journal.append(large(position));
    const batches = await readAll(journal);
    expect(batches.map((batch) => batch.position)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(batches.every((batch) => batch.records.length === 1000 && (batch.records[999] as { index: number }).index === 999)).toBe(true);
  });

  it('hands out pages of about the records asked for, each batch with the time it was written', async () => {
    const journal = await openFresh();
    const before = Date.now();
    const sized = (position: number, records: number): JournalBatch => ({ ...batchAt(position), records: Array.from({ length: records }, (_, index) => ({ index })) });
    for (const [position, records] of [[1, 1], [2, 1], [3, 5], [4, 5], [5, 1]] as const) await journal.append(sized(position, records));
    const pages: number[][] = [];
    for await (const page of journal.pages(1, 2)) {
      pages.push(page.map((batch) => batch.position));
      for (const batch of page) expect(batch.writtenAt).toBeGreaterThanOrEqual(before - 1000);
    }
    // The first page takes as many batches as records asked for; later pages follow the batches' sizes so far.
    expect(pages).toEqual([[2, 3], [4], [5]]);
  });

  it('refuses a second append while one is in flight, and commits only the first', async () => {
    const journal = await openFresh();
    const first = journal.append(batchAt(1));
    await expect(journal.append(batchAt(2))).rejects.toThrow(/while another append was in flight/);
    await first;
    expect(await readAll(journal)).toEqual([batchAt(1)]);
    await journal.append(batchAt(2));
    expect(await journal.lastPosition()).toBe(2);
  });

  it('refuses a position that does not increase, also after a restart', async () => {
    const journal = await openFresh();
    await appendBatches(journal, 1, 3);
    await expect(journal.append(batchAt(3))).rejects.toThrow(StorageError);
    await expect(journal.append({ ...batchAt(4), lastKey: '-1' })).rejects.toThrow(StorageError);
    await close(journal);
    const reopened = await reopen();
    await expect(reopened.append(batchAt(2))).rejects.toThrow(/must be greater than the last appended position 3/);
  });

  it('keeps the newest two snapshots and returns the newest', async () => {
    const journal = await openFresh();
    for (const position of [9, 80, 100]) {
      await journal.writeSnapshot({ position, lastKey: String(position), state: JSON.stringify({ position }) });
    }
    expect(await journal.latestSnapshot()).toEqual({ position: 100, lastKey: '100', state: '{"position":100}' });
    await close(journal);
    const sql = await openSqlClient(options);
    try {
      const rows = await sql.query<{ position: string }>('SELECT position::text AS position FROM snapshot ORDER BY snapshot.position');
      expect(rows.map((row) => row.position)).toEqual(['80', '100']);
    } finally {
      await sql.close();
    }
  });

  it('replaces a snapshot written again at the same position', async () => {
    const journal = await openFresh();
    await journal.writeSnapshot({ position: 7, lastKey: '7', state: '{"first":true}' });
    await journal.writeSnapshot({ position: 7, lastKey: '7', state: '{"second":true}' });
    expect(await journal.latestSnapshot()).toEqual({ position: 7, lastKey: '7', state: '{"second":true}' });
  });

  it('stores a large snapshot and gives back the same text', async () => {
    const journal = await openFresh();
    const instances = Array.from({ length: 40_000 }, (_, i) => ({ key: String(FIRST_KEY + BigInt(i)), owner: `Hündin Ärger ${i} 🐕`, tax: i * 1.5 }));
    const state = JSON.stringify({ instances });
    await journal.writeSnapshot({ position: 1, lastKey: '2251799813725249', state });
    const snapshot = await journal.latestSnapshot();
    expect(snapshot?.state.length).toBe(state.length);
    expect(snapshot?.state === state).toBe(true);
  });

  if (target.name === 'PGlite') {
    it('refuses a second opener of the same PGlite directory instead of corrupting it', async () => {
      await openFresh();
      await expect(openJournal({ ...options, schema: target.freshOptions().schema })).rejects.toThrow(StorageError);
    });
  }

  it('keeps every batch and the snapshot after close and reopen', async () => {
    const journal = await openFresh();
    await appendBatches(journal, 1, 25);
    await journal.writeSnapshot({ position: 20, lastKey: batchAt(20).lastKey, state: '{"at":20}' });
    await close(journal);
    const reopened = await reopen();
    expect(await reopened.lastPosition()).toBe(25);
    expect(await reopened.latestSnapshot()).toEqual({ position: 20, lastKey: batchAt(20).lastKey, state: '{"at":20}' });
    expect(await readAll(reopened, 20)).toEqual([21, 22, 23, 24, 25].map(batchAt));
    await reopened.append(batchAt(26));
    expect(await reopened.lastPosition()).toBe(26);
  });
});
