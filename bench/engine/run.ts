/**
 * `npm run bench:engine`: amtsflow (engine as a child process, on PGlite and on the PostgreSQL server) driven by
 * zeebe-node over gRPC, and bpmn-engine in process as the peer. Knobs: bench/engine/bench-config.ts.
 */
import os from 'node:os';
import { readBenchConfig } from './bench-config.js';
import { ONE_TASK, TEN_TASKS } from './bench-processes.js';
import { measureLatency, measureThroughput } from './engine-phases.js';
import { describeMachine } from './machine.js';
import { measurePeer } from './peer-phase.js';
import { renderResults, writeReport, type BenchResults } from './report.js';
import { measureRestart } from './restart-phase.js';

const config = readBenchConfig();
const startedAt = Date.now();
// Anything else running on the two cores skews every number; the report says how busy the machine was.
const loadAtStart = os.loadavg()[0];
if (loadAtStart > 0.5) console.log(`Note: the 1-minute load average is ${loadAtStart.toFixed(2)}; something else is running.`);
const results: BenchResults = { throughput: [], latency: [], restart: [] };
const processes = [ONE_TASK, TEN_TASKS];

// The peer runs first, while the bench process holds nothing else, so its RSS is the peer's.
if (config.phases.includes('peer')) {
  for (const benchProcess of processes) results.throughput.push(await measurePeer(config, benchProcess));
}
for (const storage of config.storages) {
  if (config.phases.includes('throughput')) {
    for (const benchProcess of processes) results.throughput.push(await measureThroughput(config, storage, benchProcess));
  }
  if (config.phases.includes('latency')) results.latency.push(await measureLatency(config, storage));
  if (config.phases.includes('restart')) results.restart.push(await measureRestart(config, storage));
}

const overrides = Object.keys(process.env).filter((name) => name.startsWith('BENCH_')).sort()
  .map((name) => `${name}=${process.env[name]}`);
const markdown = renderResults({
  config,
  machine: await describeMachine(config.storages.includes('PostgreSQL') ? config.databaseUrl : undefined),
  command: [...overrides, 'npm run bench:engine'].join(' '),
  date: new Date(startedAt),
  minutes: (Date.now() - startedAt) / 60_000,
  loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
}, results);
console.log(`\n${markdown}\n`);
if (config.writeReport) {
  writeReport(markdown);
  console.log('Written to docs/performance.md');
}
if (config.cpuProfileDir) console.log(`CPU profiles of the engine: npx tsx bench/engine/profile-summary.ts ${config.cpuProfileDir}/<storage>-<process>`);
// zeebe-node keeps timers of closed workers alive for a while; the results are out, so stop here.
process.exit(0);
