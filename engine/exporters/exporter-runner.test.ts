import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { eventually } from '../tests/harness.js';
import type { EngineEvent } from '../processing/events.js';
import type { Journal } from '../storage/journal.js';
import { openStorage, type EngineStorage } from '../storage/open-storage.js';
import type { SqlClient } from '../storage/sql-client.js';
import { storageTargets } from '../storage/storage-test-targets.js';
import type { Exporter } from './exporter.js';
import { ExporterRunner, type ExporterRunnerOptions } from './exporter-runner.js';

const FAST: ExporterRunnerOptions = { passIntervalMs: 0, retryDelayMs: { first: 10, max: 50 } };

/** Logs every event it is given into a table without a key, so an event exported twice shows up twice. */
function loggingExporter(table: string, failOn?: (position: number) => boolean): Exporter & { failures: number } {
  return {
    name: 'event-log',
    failures: 0,
    writesFor(event, commit) {
      if (failOn?.(commit.position)) {
        this.failures += 1;
        throw new Error(`cannot export batch ${commit.position}`);
      }
      return [{ sql: `INSERT INTO ${table} (position, key, committed_at) VALUES ($1, $2, $3)`, params: [commit.position, event.key, commit.committedAt.toISOString()] }];
    },
  };
}

/** Two events per batch, keys 10 * position and 10 * position + 1. */
async function appendBatches(journal: Journal, from: number, to: number): Promise<void> {
  for (let position = from; position <= to; position++) {
    const records: EngineEvent[] = [0, 1].map((n) => ({ type: 'ELEMENT_ACTIVATED', key: 10 * position + n }));
    await journal.append({ position, lastKey: String(10 * position + 1), records });
  }
}

async function exportedPosition(sql: SqlClient, name = 'event-log'): Promise<number | undefined> {
  const [row] = await sql.query<{ position: string }>('SELECT position::text AS position FROM exporter_position WHERE exporter = $1', [name]);
  return row && Number(row.position);
}

async function exportedKeys(sql: SqlClient): Promise<number[]> {
  const rows = await sql.query<{ key: string }>('SELECT key::text AS key FROM event_log ORDER BY position, key');
  return rows.map((row) => Number(row.key));
}

const keysOf = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => [10 * (from + i), 10 * (from + i) + 1]).flat();

describe.each(storageTargets())('an exporter runner on $name', (target) => {
  let storage: EngineStorage;
  const runners: ExporterRunner[] = [];
  const silent = pino({ level: 'silent' });
  const run = (exporter: Exporter, options: ExporterRunnerOptions = FAST, logger = silent) => {
    const runner = new ExporterRunner(exporter, storage.sql, storage.journal, logger, options);
    runners.push(runner);
    runner.wake();
    return runner;
  };

  beforeAll(() => target.setUp());
  afterAll(() => target.tearDown());
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await storage.journal.close();
  });
  const openFresh = async () => {
    storage = await openStorage(target.freshOptions());
    await storage.sql.exec('CREATE TABLE event_log (position bigint NOT NULL, key bigint NOT NULL, committed_at timestamptz NOT NULL)');
  };

  it('exports every committed event once, in order, with its batch position and commit time, and follows later commits', async () => {
    await openFresh();
    await appendBatches(storage.journal, 1, 5);
    const runner = run(loggingExporter('event_log'), { ...FAST, recordsPerPage: 3 });
    await eventually(async () => (await exportedPosition(storage.sql)) === 5);
    await appendBatches(storage.journal, 6, 7);
    runner.wake();
    await eventually(async () => (await exportedPosition(storage.sql)) === 7);
    expect(await exportedKeys(storage.sql)).toEqual(keysOf(1, 7));
    const times = await storage.sql.query<{ same: boolean }>(
      'SELECT bool_and(event_log.committed_at = date_trunc(\'milliseconds\', journal.written_at)) AS same FROM event_log JOIN journal USING (position)',
    );
    expect(times).toEqual([{ same: true }]);
  });

  it('writes rows and position of a page in one transaction: a failing page leaves neither, and the next start resumes after the last page exported', async () => {
    await openFresh();
    await appendBatches(storage.journal, 1, 6);
    const failing = loggingExporter('event_log', (position) => position === 4);
    const crashing = run(failing, { ...FAST, recordsPerPage: 2 });
    await eventually(() => failing.failures >= 2);
    await crashing.stop();
    // Pages (1, 2) and (3) were exported; the page starting at 4 failed and was retried, never half written.
    expect(await exportedPosition(storage.sql)).toBe(3);
    expect(await exportedKeys(storage.sql)).toEqual(keysOf(1, 3));

    await appendBatches(storage.journal, 7, 8);
    run(loggingExporter('event_log'), { ...FAST, recordsPerPage: 2 });
    await eventually(async () => (await exportedPosition(storage.sql)) === 8);
    expect(await exportedKeys(storage.sql)).toEqual(keysOf(1, 8));
  });

  it('logs a failure and retries with back-off until the write succeeds', async () => {
    await openFresh();
    await appendBatches(storage.journal, 1, 2);
    const logs: { msg: string; exporter: string; retryInMs: number }[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => logs.push(JSON.parse(line)) });
    run(loggingExporter('late_log'), { ...FAST, retryDelayMs: { first: 5, max: 40 } }, logger);
    await eventually(() => logs.length >= 4);
    expect(await exportedPosition(storage.sql)).toBe(0);
    expect(logs.slice(0, 4).map((log) => [log.exporter, log.msg, log.retryInMs])).toEqual([
      ['event-log', 'Exporting failed; retrying', 5],
      ['event-log', 'Exporting failed; retrying', 10],
      ['event-log', 'Exporting failed; retrying', 20],
      ['event-log', 'Exporting failed; retrying', 40],
    ]);
    await storage.sql.exec('CREATE TABLE late_log (position bigint NOT NULL, key bigint NOT NULL, committed_at timestamptz NOT NULL)');
    await eventually(async () => (await exportedPosition(storage.sql)) === 2);
    const rows = await storage.sql.query<{ count: string }>('SELECT count(*)::text AS count FROM late_log');
    expect(rows).toEqual([{ count: '4' }]);
  });

  it('exports each batch once when two runners of one exporter race, because the position moves only from where a runner read it', async () => {
    await openFresh();
    await appendBatches(storage.journal, 1, 20);
    run(loggingExporter('event_log'), { ...FAST, recordsPerPage: 2 });
    run(loggingExporter('event_log'), { ...FAST, recordsPerPage: 2 });
    await eventually(async () => (await exportedPosition(storage.sql)) === 20);
    expect(await exportedKeys(storage.sql)).toEqual(keysOf(1, 20));
  });
});
