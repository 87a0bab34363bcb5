/**
 * Script, not a test: how fast each exporter catches up on a journal, on PGlite (and on the PostgreSQL server with
 * BENCH_DATABASE_URL). Run with `npm run bench:exporters` (BENCH_INSTANCES, 2,000 unless given).
 * 1. The engine runs BENCH_INSTANCES instances of a one-task process (128 in flight) with no exporter, so the journal
 *    holds them and nothing is exported yet.
 * 2. For each exporter alone, a fresh start on that journal: the time from the start until its position reaches the
 *    journal's end (the engine's own start not counted), as records per second. "instances, event by event" is the instances exporter without its
 *    page writes (`writesForPage`), for comparison.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ZBClient } from 'zeebe-node';
import { instancesExporter, resourcesExporter, startEngine, type EngineConfig, type Exporter } from '../engine/index.js';
import { bpmnProcess, sequence, serviceTask } from '../engine/tests/harness.js';

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 2_000);
const IN_FLIGHT = 128;
const silent = pino({ level: 'silent' });

const CANDIDATES: { label: string; exporter: Exporter }[] = [
  { label: 'resources', exporter: resourcesExporter },
  { label: 'instances, a page at a time', exporter: instancesExporter },
  { label: 'instances, event by event', exporter: { name: 'instances-per-event', writesFor: instancesExporter.writesFor } },
];

async function fillJournal(config: EngineConfig): Promise<void> {
  const running = await startEngine(config, silent, { exporters: [] });
  const zbc = new ZBClient(running.gatewayAddress, { useTLS: false, loglevel: 'NONE', retry: false });
  await zbc.deployResource({ name: 'bench.bpmn', process: bpmnProcess('bench', sequence({ id: 'work', xml: serviceTask('work', 'bench-work') })) });
  const worker = zbc.createWorker({ taskType: 'bench-work', taskHandler: (job) => job.complete({ checked: true }), maxJobsToActivate: 256, loglevel: 'NONE' });
  const inFlight = new Set<Promise<void>>();
  for (let n = 0; n < INSTANCES; n++) {
    const run: Promise<void> = zbc.createProcessInstanceWithResult({ bpmnProcessId: 'bench', variables: { n, applicant: 'Anna Schmidt' } })
      .then(() => { inFlight.delete(run); });
    inFlight.add(run);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await worker.close();
  await zbc.close();
  await running.stop();
}

async function catchUp(config: EngineConfig, exporter: Exporter): Promise<{ records: number; ms: number }> {
  const running = await startEngine(config, silent, { exporters: [exporter], exporterOptions: { passIntervalMs: 0 } });
  // The runner's first pass begins as startEngine returns (exporters start last), so the engine's start is not counted.
  const startedAt = Date.now();
  try {
    const [journal] = await running.sql.query<{ last: string; records: string }>(
      'SELECT max(position)::text AS last, sum(json_array_length(records::json))::text AS records FROM journal',
    );
    for (;;) {
      const [row] = await running.sql.query<{ position: string }>('SELECT position::text AS position FROM exporter_position WHERE exporter = $1', [exporter.name]);
      if (row?.position === journal!.last) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { records: Number(journal!.records), ms: Date.now() - startedAt };
  } finally {
    await running.stop();
  }
}

const storages = [{ name: 'PGlite', databaseUrl: undefined }, ...(process.env.BENCH_DATABASE_URL ? [{ name: 'PostgreSQL', databaseUrl: process.env.BENCH_DATABASE_URL }] : [])];
console.log(`1-minute load average at the start: ${os.loadavg()[0]!.toFixed(2)}; ${INSTANCES} instances of a one-task process`);
for (const storage of storages) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-bench-exporters-'));
  const config: EngineConfig = { dataDir, databaseUrl: storage.databaseUrl, schema: `bench_exporters_${process.pid}`, gatewayHost: '127.0.0.1', gatewayPort: 0, logLevel: 'silent' };
  try {
    await fillJournal(config);
    for (const { label, exporter } of CANDIDATES) {
      const { records, ms } = await catchUp(config, exporter);
      console.log(`${storage.name.padEnd(10)} ${label.padEnd(34)} ${String(records).padStart(7)} records in ${String(ms).padStart(6)} ms: ${Math.round((records / ms) * 1000)} records/s`);
    }
  } finally {
    if (storage.databaseUrl) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: storage.databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${config.schema} CASCADE`);
      await client.end();
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}
console.log(`1-minute load average at the end: ${os.loadavg()[0]!.toFixed(2)}`);
process.exit(0);
