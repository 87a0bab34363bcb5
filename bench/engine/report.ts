/** The results as markdown tables, and their block in docs/performance.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BenchConfig } from './bench-config.js';
import type { LatencyResult, ThroughputResult } from './engine-phases.js';
import type { Machine } from './machine.js';
import type { RestartResult } from './restart-phase.js';

export interface BenchResults {
  throughput: ThroughputResult[];
  latency: LatencyResult[];
  restart: RestartResult[];
}

export interface RunInfo {
  config: BenchConfig;
  machine: Machine;
  command: string;
  date: Date;
  minutes: number;
  /** The 1-minute load average when the run started and ended. */
  loadAverage: { start: number; end: number };
}

const REPORT_PATH = 'docs/performance.md';
const TARGETS = { throughput: 1_000, p99ActivationMs: 50, restartSeconds: 15 };

const ms = (value: number) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0));
const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(1);
const count = (value: number) => value.toLocaleString('en-US');

function throughputProblems(row: ThroughputResult): string {
  const parts = [
    row.load.createErrors > 0 ? `${count(row.load.createErrors)} creates failed${row.load.firstCreateError ? ` (${row.load.firstCreateError.slice(0, 90)})` : ''}` : '',
    row.completeErrors > 0 ? `${count(row.completeErrors)} completions failed` : '',
    row.load.lost > 0 ? `${count(row.load.lost)} not completed within 60 s` : '',
    row.unexpectedCompletions > 0 ? `${count(row.unexpectedCompletions)} instances completed whose create had failed` : '',
    row.engineProblems > 0 && row.system === 'amtsflow' ? `${row.engineProblems} engine warnings` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'none' : parts.join('; ');
}

function throughputTable(rows: ThroughputResult[]): string[] {
  return [
    '| system | storage | process | instances completed | completed/s | p50 ms | p99 ms | peak RSS MiB (at start) | problems |',
    '|---|---|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((row) => `| ${row.system} | ${row.storage} | ${row.process.label} | ${count(row.load.completed)} | ${row.load.perSecond.toFixed(0)} | ${ms(row.load.latency.percentile(50))} | ${ms(row.load.latency.percentile(99))} | ${row.peakRssMiB.toFixed(0)} (${row.baselineRssMiB.toFixed(0)}) | ${throughputProblems(row)} |`),
  ];
}

function cpuTable(rows: ThroughputResult[]): string[] {
  const withCpu = rows.filter((row) => row.cpu);
  const percent = (cpuSeconds: number, wall: number) => `${((cpuSeconds / wall) * 100).toFixed(0)} %`;
  return [
    '| storage | process | engine main thread | engine, busiest other thread | engine, all other threads | bench process (zeebe-node) |',
    '|---|---|---:|---:|---:|---:|',
    ...withCpu.map((row) => {
      const cpu = row.cpu!;
      const others = cpu.engineOthers.reduce((sum, s) => sum + s, 0);
      return `| ${row.storage} | ${row.process.label} | ${percent(cpu.engineMain, cpu.wallSeconds)} | ${percent(cpu.engineOthers[0] ?? 0, cpu.wallSeconds)} | ${percent(others, cpu.wallSeconds)} | ${percent(cpu.bench, cpu.wallSeconds)} |`;
    }),
  ];
}

function latencyTable(rows: LatencyResult[]): string[] {
  return [
    '| storage | offered/s | created/s | instances | p50 ms | p99 ms | max ms | problems |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((row) => {
      const problems = [
        row.load.createErrors > 0 ? `${row.load.createErrors} creates failed` : '',
        row.load.lost > 0 ? `${row.load.lost} not completed within 60 s` : '',
        row.engineProblems > 0 ? `${row.engineProblems} engine warnings` : '',
      ].filter(Boolean).join('; ') || 'none';
      return `| ${row.storage} | ${row.offeredRate} | ${row.load.perSecond.toFixed(0)} | ${count(row.load.created)} | ${ms(row.load.latency.percentile(50))} | ${ms(row.load.latency.percentile(99))} | ${ms(row.load.latency.percentile(100))} | ${problems} |`;
    }),
  ];
}

function restartTable(rows: RestartResult[]): string[] {
  return [
    '| storage | waiting instances | created in s | ready after SIGKILL, s | peak RSS then, MiB | SIGTERM shutdown, s | ready after SIGTERM, s | jobs back | acknowledged instances without a job |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.storage} | ${count(row.waiting)}${row.createErrors > 0 ? ` (${count(row.createErrors)} creates failed)` : ''} | ${row.fillSeconds.toFixed(0)} | ${seconds(row.killRestartMs)} | ${row.recoveryPeakRssMiB.toFixed(0)} | ${seconds(row.shutdownMs)} | ${seconds(row.termRestartMs)} | ${count(row.jobsBack)} | ${count(row.missing)} |`),
  ];
}

/** Met or missed on the number; failures beside it are named, not folded into the verdict. */
function verdicts(results: BenchResults, restartInstances: number): string[] {
  const lines: string[] = [];
  const verdict = (met: boolean) => (met ? 'met' : '**missed**');
  const caveat = (parts: string[]) => (parts.some(Boolean) ? `, but ${parts.filter(Boolean).join(', ')}` : '');
  for (const row of results.throughput.filter((r) => r.system === 'amtsflow' && r.process.tasks === 1)) {
    lines.push(`- ≥ ${count(TARGETS.throughput)} completed instances/s, one task, durable, ${row.storage}: ${row.load.perSecond.toFixed(0)}/s, ${verdict(row.load.perSecond >= TARGETS.throughput)}` +
      caveat([row.load.createErrors > 0 ? `${count(row.load.createErrors)} creates failed` : '', row.load.lost > 0 ? `${row.load.lost} instances not seen to complete` : '']));
  }
  for (const row of results.latency) {
    const p99 = row.load.latency.percentile(99);
    const max = row.load.latency.percentile(100);
    lines.push(`- p99 create-to-activation < ${TARGETS.p99ActivationMs} ms at ${row.offeredRate}/s, ${row.storage}: ${ms(p99)} ms, ${verdict(p99 < TARGETS.p99ActivationMs)}` +
      caveat([row.load.createErrors > 0 ? `${row.load.createErrors} creates failed` : '', max > 1000 ? `the slowest activation took ${ms(max)} ms` : '']));
  }
  for (const row of results.restart) {
    const worst = Math.max(row.killRestartMs, row.termRestartMs) / 1000;
    lines.push(`- restart with ${count(restartInstances)} waiting instances < ${TARGETS.restartSeconds} s, ${row.storage}: ${worst.toFixed(1)} s at worst, ${verdict(worst < TARGETS.restartSeconds && row.waiting >= restartInstances)}` +
      caveat([row.missing > 0 ? `${count(row.missing)} acknowledged instances had no job after the restarts` : '']));
  }
  return lines;
}

export function renderResults(run: RunInfo, results: BenchResults): string {
  const { config, machine } = run;
  return [
    `### ${run.date.toISOString().slice(0, 16).replace('T', ' ')} UTC, zeebe-node 8.3.2 on @grpc/grpc-js ${machine.zeebeGrpcJs}`,
    '',
    `Command: \`${run.command}\` (${run.minutes.toFixed(1)} min). Machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB.toFixed(1)} GiB, ` +
      `Node ${machine.node}, ${machine.kernel}${machine.postgres ? `, PostgreSQL ${machine.postgres} on 127.0.0.1` : ''}; ` +
      `1-minute load average ${run.loadAverage.start.toFixed(2)} at the start, ${run.loadAverage.end.toFixed(2)} at the end.`,
    `Load: closed loop with ${config.inFlight} instances in flight (bpmn-engine: ${config.peerInFlight}), at most ${count(config.throughputInstances)} instances or ${config.throughputSeconds} s after ` +
      `${count(config.warmupInstances)} warm-up instances; one zeebe-node worker, maxJobsToActivate ${config.maxJobsToActivate}, pollInterval ${config.pollIntervalMs} ms, ` +
      `longPoll 30 s, job timeout ${seconds(config.jobTimeoutMs)} s.`,
    '',
    '**Throughput** (latency: create to the acknowledged completion of the last task)',
    '',
    ...throughputTable(results.throughput),
    '',
    `**CPU during the measured throughput runs** (share of one core; the machine has ${machine.cores})`,
    '',
    ...cpuTable(results.throughput),
    '',
    `**Latency at a fixed offered rate** (one task; create to job activation at the worker; ${config.offeredSeconds} s)`,
    '',
    ...latencyTable(results.latency),
    '',
    '**Restart**',
    '',
    ...restartTable(results.restart),
    '',
    '**Against the targets**',
    '',
    ...verdicts(results, config.restartInstances),
  ].join('\n');
}

/** Replaces the generated block in docs/performance.md, or appends it. */
export function writeReport(markdown: string): void {
  const start = '<!-- bench:engine start -->';
  const end = '<!-- bench:engine end -->';
  const block = `${start}\n${markdown}\n${end}`;
  const current = existsSync(REPORT_PATH) ? readFileSync(REPORT_PATH, 'utf8') : '# Performance\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from
    ? current.slice(0, from) + block + current.slice(to + end.length)
    : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(REPORT_PATH, next);
}
