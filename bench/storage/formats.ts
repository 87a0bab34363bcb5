/**
 * Which column types the journal uses, decided by measurement: records as text, json or jsonb; a 50 MB snapshot as
 * text, as gzip in bytea, or as gzip in base64 text. Runs on PGlite in its worker and, if given, a PostgreSQL server.
 * Usage: npm run bench:storage-formats -- [postgres://user@host:5432/database]
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { openSqlClient } from '../../engine/storage/open-sql-client.js';
import type { SqlClient } from '../../engine/storage/sql-client.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

interface SnapshotFormat {
  column: string;
  encode(state: string): Promise<unknown>;
  decode(stored: unknown): Promise<string>;
}

const snapshotFormats: Record<string, SnapshotFormat> = {
  'text (TOAST pglz)': { column: 'text', encode: async (state) => state, decode: async (stored) => stored as string },
  'gzip in bytea': {
    column: 'bytea STORAGE EXTERNAL',
    encode: (state) => gzipAsync(state, { level: 1 }),
    decode: async (stored) => (await gunzipAsync(stored as Uint8Array)).toString('utf8'),
  },
  'gzip in base64 text': {
    column: 'text STORAGE EXTERNAL',
    encode: async (state) => (await gzipAsync(state, { level: 1 })).toString('base64'),
    decode: async (stored) => (await gunzipAsync(Buffer.from(stored as string, 'base64'))).toString('utf8'),
  },
};

function records(count: number, offset: number): string {
  return JSON.stringify(Array.from({ length: count }, (_, i) => ({
    key: String(2251799813685249 + offset + i), type: 'ELEMENT_ACTIVATED', timestamp: Date.now(), bpmnProcessId: 'hund-anmelden',
    elementId: 'Activity_Kaemmerei_pruefen', bpmnElementType: 'SERVICE_TASK', flowScopeKey: String(offset), version: 3,
  })));
}

async function recordFormats(sql: SqlClient): Promise<void> {
  await sql.exec('CREATE TABLE warm_up (position bigint PRIMARY KEY, records text NOT NULL)');
  for (let position = 1; position <= 500; position++) await sql.query('INSERT INTO warm_up VALUES ($1, $2)', [position, records(10, position)]);
  for (const batchSize of [1, 10, 100]) {
    for (const column of ['text', 'json', 'jsonb']) {
      const table = `records_${column}_${batchSize}`;
      await sql.exec(`CREATE TABLE ${table} (position bigint PRIMARY KEY, records ${column} NOT NULL)`);
      const batches = Math.round(3000 / Math.sqrt(batchSize));
      const t0 = performance.now();
      for (let position = 1; position <= batches; position++) {
        await sql.query(`INSERT INTO ${table} VALUES ($1, $2)`, [position, records(batchSize, position * batchSize)]);
      }
      const t1 = performance.now();
      let read = 0;
      for (let after = 0; ; ) {
        const rows = await sql.query<{ position: string; records: string }>(
          `SELECT position::text AS position, records::text AS records FROM ${table} WHERE position > $1 ORDER BY ${table}.position LIMIT 200`,
          [after],
        );
        for (const row of rows) read += (JSON.parse(row.records) as unknown[]).length;
        if (rows.length < 200) break;
        after = Number(rows.at(-1)!.position);
      }
      const t2 = performance.now();
      const rate = (count: number, ms: number) => Math.round((count * 1000) / ms).toLocaleString('en-US');
      console.log(`  records as ${column.padEnd(5)} batches of ${String(batchSize).padStart(3)}: write ${rate(batches * batchSize, t1 - t0)} records/s, read ${rate(read, t2 - t1)} records/s`);
    }
  }
}

async function snapshotFormatsOn(sql: SqlClient): Promise<void> {
  const state = JSON.stringify(Array.from({ length: 300_000 }, (_, i) => ({
    key: String(2251799813685249 + i), elementId: `Activity_${i % 50}`, id: randomBytes(16).toString('hex'),
    owner: { name: `Halterin ${randomBytes(5).toString('hex')}`, email: `${Math.random().toString(36).slice(2)}@example.org` }, tax: Math.round(Math.random() * 1e6) / 100,
  })));
  for (const [name, format] of Object.entries(snapshotFormats)) {
    const [type, storage] = format.column.split(' STORAGE ');
    await sql.exec(`DROP TABLE IF EXISTS snapshot_format; CREATE TABLE snapshot_format (id integer PRIMARY KEY, state ${type} NOT NULL)`);
    if (storage) await sql.exec(`ALTER TABLE snapshot_format ALTER COLUMN state SET STORAGE ${storage}`);
    const t0 = performance.now();
    await sql.query('INSERT INTO snapshot_format VALUES (1, $1)', [await format.encode(state)]);
    const t1 = performance.now();
    const [row] = await sql.query<{ state: unknown }>('SELECT state FROM snapshot_format WHERE id = 1');
    if ((await format.decode(row!.state)) !== state) throw new Error(`${name} came back different`);
    const t2 = performance.now();
    const [size] = await sql.query<{ bytes: string }>("SELECT pg_total_relation_size('snapshot_format')::text AS bytes");
    console.log(`  ${(state.length / 1e6).toFixed(0)} MB snapshot as ${name.padEnd(19)}: write ${(t1 - t0).toFixed(0)} ms, read ${(t2 - t1).toFixed(0)} ms, ${(Number(size!.bytes) / 1e6).toFixed(1)} MB on disk`);
  }
}

const serverUrl = process.argv[2];
for (const databaseUrl of [undefined, ...(serverUrl ? [serverUrl] : [])]) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-bench-formats-'));
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const sql = await openSqlClient({ dataDir, databaseUrl, schema });
  console.log(databaseUrl ? '\nPostgreSQL server' : '\nPGlite in a worker');
  try {
    await sql.exec(`CREATE SCHEMA ${schema}`);
    await recordFormats(sql);
    await snapshotFormatsOn(sql);
  } finally {
    await sql.exec(`DROP SCHEMA ${schema} CASCADE`);
    await sql.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
