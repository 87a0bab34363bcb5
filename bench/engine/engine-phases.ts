/** The amtsflow measurements: closed-loop throughput per process, and create-to-activation latency at a fixed rate. */
import path from 'node:path';
import type { BenchConfig, StorageName } from './bench-config.js';
import { ONE_TASK, type BenchProcess } from './bench-processes.js';
import { startBenchWorker } from './bench-worker.js';
import { withSession } from './engine-session.js';
import { InstanceTracker } from './instance-tracker.js';
import { runClosedLoop, runOpenLoop, type LoadResult } from './load-generator.js';
import { measureCpu, rssMiB, type CpuSplit } from './stats.js';

export interface ThroughputResult {
  system: string;
  storage: string;
  process: BenchProcess;
  load: LoadResult;
  peakRssMiB: number;
  /** RSS when the phase began (the engine child's, or the bench process's for the in-process peer). */
  baselineRssMiB: number;
  /** Where the two cores went during the measured run (amtsflow only). */
  cpu?: CpuSplit;
  /** Worker-side anomalies: rejected completions, completions of instances not expected. */
  completeErrors: number;
  unexpectedCompletions: number;
  engineProblems: number;
}

export interface LatencyResult {
  storage: StorageName;
  offeredRate: number;
  load: LoadResult;
  engineProblems: number;
}

function sessionOptions(config: BenchConfig, storage: StorageName, profileName?: string) {
  const cpuProfileDir = config.cpuProfileDir && profileName ? path.resolve(config.cpuProfileDir, profileName) : undefined;
  return { storage, databaseUrl: config.databaseUrl, cpuProfileDir };
}

export async function measureThroughput(config: BenchConfig, storage: StorageName, benchProcess: BenchProcess): Promise<ThroughputResult> {
  const label = `amtsflow ${storage}, ${benchProcess.label}`;
  console.log(`${label}: closed loop, ${config.inFlight} in flight, up to ${config.throughputInstances} instances or ${config.throughputSeconds} s`);
  return withSession(sessionOptions(config, storage, `${storage}-${benchProcess.id}`), async ({ engine, zbc }) => {
    engine.resetPeakRss();
    const baselineRssMiB = rssMiB(engine.pid);
    const tracker = new InstanceTracker();
    startBenchWorker(zbc, new Set([benchProcess.lastTaskId]), config, tracker);
    await runClosedLoop(zbc, tracker, benchProcess, { instances: config.warmupInstances, seconds: 60, inFlight: config.inFlight, label: `${label} warm-up` });
    const cpuSplit = measureCpu(engine.pid);
    const load = await runClosedLoop(zbc, tracker, benchProcess, {
      instances: config.throughputInstances, seconds: config.throughputSeconds, inFlight: config.inFlight, label,
    });
    const cpu = cpuSplit();
    return {
      system: 'amtsflow', storage, process: benchProcess, load, peakRssMiB: engine.peakRssMiB(), baselineRssMiB, cpu,
      completeErrors: tracker.completeErrors, unexpectedCompletions: tracker.unexpected, engineProblems: engine.problems.length,
    };
  });
}

export async function measureLatency(config: BenchConfig, storage: StorageName): Promise<LatencyResult> {
  const label = `amtsflow ${storage}, ${ONE_TASK.label} at ${config.offeredRate}/s`;
  console.log(`${label}: open loop for ${config.offeredSeconds} s`);
  return withSession(sessionOptions(config, storage), async ({ engine, zbc }) => {
    const tracker = new InstanceTracker();
    startBenchWorker(zbc, new Set([ONE_TASK.lastTaskId]), config, tracker);
    await runClosedLoop(zbc, tracker, ONE_TASK, { instances: config.warmupInstances, seconds: 60, inFlight: 64, label: `${label} warm-up` });
    const load = await runOpenLoop(zbc, tracker, ONE_TASK, { rate: config.offeredRate, seconds: config.offeredSeconds, label });
    return { storage, offeredRate: config.offeredRate, load, engineProblems: engine.problems.length };
  });
}
