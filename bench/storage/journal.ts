/**
 * Journal benchmark: append throughput, group commit under engine-like CPU load, reading a million records back, and a
 * 50 MB snapshot; for PGlite in a worker (what the engine uses), PGlite on the main thread, and a PostgreSQL server.
 * Usage: npm run bench:storage -- [postgres://user@host:5432/database]
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Journal, type JournalBatch } from '../../engine/storage/journal.js';
import { migrate } from '../../engine/storage/migrate.js';
import { openJournal } from '../../engine/storage/open-storage.js';
import { openPgliteClient } from '../../engine/storage/pglite-client.js';

interface Backend {
  name: string;
  open(dataDir: string, schema: string): Promise<Journal>;
}

const serverUrl = process.argv[2];
const backends: Backend[] = [
  { name: 'PGlite in a worker', open: (dataDir, schema) => openJournal({ dataDir, schema }) },
  {
    name: 'PGlite on the main thread',
    async open(dataDir, schema) {
      const sql = await openPgliteClient(path.join(dataDir, 'pglite'), schema);
      await migrate(sql, schema);
      return Journal.open(sql);
    },
  },
  ...(serverUrl ? [{ name: 'PostgreSQL server', open: (dataDir: string, schema: string) => openJournal({ dataDir, databaseUrl: serverUrl, schema }) }] : []),
];

const EVENTS_PER_INSTANCE = 15;
let nextKey = 2251799813685249;

/** A record shaped like the engine's events, about 300 bytes of JSON. */
function record() {
  const key = String(nextKey++);
  return {
    key, type: 'ELEMENT_ACTIVATED', timestamp: Date.now(), processInstanceKey: key, processDefinitionKey: '2251799813685250',
    bpmnProcessId: 'hund-anmelden', elementId: 'Activity_Kaemmerei_pruefen', bpmnElementType: 'SERVICE_TASK', flowScopeKey: key, version: 3,
  };
}

class Appender {
  position = 0;
  constructor(readonly journal: Journal) {}
  async append(records: unknown[]): Promise<void> {
    await this.journal.append({ position: ++this.position, lastKey: String(nextKey), records });
  }
}

function mainThreadBusyMs<T>(run: () => Promise<T>): Promise<{ result: T; busyMs: number; wallMs: number }> {
  const start = performance.eventLoopUtilization();
  const t0 = performance.now();
  return run().then((result) => ({ result, busyMs: performance.eventLoopUtilization(start).active, wallMs: performance.now() - t0 }));
}

async function appendThroughput(appender: Appender, batchSize: number, seconds: number): Promise<string> {
  const { result: batches, busyMs, wallMs } = await mainThreadBusyMs(async () => {
    let batches = 0;
    for (const end = performance.now() + seconds * 1000; performance.now() < end; batches++) {
      await appender.append(Array.from({ length: batchSize }, record));
    }
    return batches;
  });
  const perSecond = (batches * 1000) / wallMs;
  return `batches of ${String(batchSize).padStart(3)}: ${fmt(perSecond)} batches/s, ${fmt(perSecond * batchSize)} records/s, main thread busy ${(busyMs / batches).toFixed(3)} ms per batch`;
}

/** The engine's loop in miniature: commands cost CPU on the main thread, their events are group committed. */
async function groupCommit(appender: Appender, cpuMicrosPerEvent: number, seconds: number): Promise<string> {
  let pending: unknown[] = [];
  let writing: Promise<void> | undefined;
  let durable = 0;
  let batches = 0;
  const flush = (): void => {
    if (writing || pending.length === 0) return;
    const records = pending;
    pending = [];
    writing = appender.append(records).then(() => {
      durable += records.length;
      batches++;
      writing = undefined;
      flush();
    });
  };
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < EVENTS_PER_INSTANCE; i++) {
      for (const busyUntil = performance.now() + cpuMicrosPerEvent / 1000; performance.now() < busyUntil; );
      pending.push(record());
    }
    flush();
    await new Promise(setImmediate);
  }
  while (writing) await writing;
  return `engine CPU ${cpuMicrosPerEvent} µs/event: ${fmt(durable / seconds / EVENTS_PER_INSTANCE)} instances/s durable (${fmt(durable / seconds)} records/s) in ${fmt(batches / seconds)} batches/s of ${(durable / batches).toFixed(1)} records`;
}

async function readBack(journal: Journal): Promise<string> {
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  let records = 0;
  const t0 = performance.now();
  await journal.readBatches(0, (batch: JournalBatch) => {
    records += batch.records.length;
    if (batch.position % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  });
  const ms = performance.now() - t0;
  return `read ${fmt(records)} records in ${(ms / 1000).toFixed(1)} s: ${fmt((records * 1000) / ms)} records/s, RSS grew by at most ${fmt((peakRss - rssBefore) / 1e6)} MB, uncollected garbage included`;
}

async function snapshotRoundTrip(journal: Journal, position: number): Promise<string> {
  const state = JSON.stringify({ instances: Array.from({ length: 150_000 }, (_, i) => ({ ...record(), variables: { owner: `Halterin ${randomBytes(6).toString('hex')}`, tax: i * 1.5 } })) });
  const write = await mainThreadBusyMs(() => journal.writeSnapshot({ position, lastKey: String(nextKey), state }));
  const read = await mainThreadBusyMs(() => journal.latestSnapshot());
  if (read.result?.state !== state) throw new Error('The snapshot came back different');
  return `${fmt(state.length / 1e6)} MB state: write ${fmt(write.wallMs)} ms (main thread busy ${fmt(write.busyMs)} ms), read ${fmt(read.wallMs)} ms (busy ${fmt(read.busyMs)} ms)`;
}

async function run(backend: Backend): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-bench-journal-'));
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const t0 = performance.now();
  const journal = await backend.open(dataDir, schema);
  console.log(`\n${backend.name} (opened a new database in ${fmt(performance.now() - t0)} ms)`);
  try {
    const appender = new Appender(journal);
    await appendThroughput(appender, 10, 1);
    for (const batchSize of [1, 10, 100]) console.log(`  ${await appendThroughput(appender, batchSize, 4)}`);
    for (const cpu of [20, 40]) console.log(`  ${await groupCommit(appender, cpu, 4)}`);
    while (nextKey - 2251799813685249 < 1_000_000) await appender.append(Array.from({ length: 500 }, record));
    console.log(`  ${await readBack(journal)}`);
    console.log(`  ${await snapshotRoundTrip(journal, appender.position)}`);
  } finally {
    await journal.close();
    if (backend.name === 'PostgreSQL server') await dropSchema(schema);
    await rm(dataDir, { recursive: true, force: true });
    nextKey = 2251799813685249;
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.end();
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, records of ${JSON.stringify(record()).length} bytes`);
for (const backend of backends) await run(backend);
