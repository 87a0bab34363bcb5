/**
 * The peer: the npm package bpmn-engine running the same processes in this process, in memory (it persists
 * nothing). Each service task calls a service function that returns at once, as the zeebe-node worker does.
 */
import { Engine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import type { BenchConfig } from './bench-config.js';
import { peerBpmn, type BenchProcess } from './bench-processes.js';
import type { ThroughputResult } from './engine-phases.js';
import type { LoadResult } from './load-generator.js';
import { LatencySamples, nowMs, peakRssMiB, resetPeakRss, rssMiB } from './stats.js';

const services = { work: (_executionContext: unknown, next: () => void) => next() };
// bpmn-engine's default logger is `debug`, off unless DEBUG is set; creating its loggers still costs a little.
const silentLogger = () => ({ debug() {}, error() {}, warn() {} });

function runInstance(moddleContext: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const engine = new Engine({ name: 'bench', moddleContext, services, Logger: silentLogger });
    engine.once('end', () => resolve());
    engine.once('error', reject);
    engine.execute().catch(reject);
  });
}

async function closedLoop(moddleContext: unknown, instances: number, seconds: number, inFlight: number): Promise<LoadResult> {
  const latency = new LatencySamples();
  let started = 0;
  let completed = 0;
  let errors = 0;
  let firstError: string | undefined;
  const startedAt = nowMs();
  const stopAt = startedAt + seconds * 1000;
  const slot = async () => {
    while (started < instances && nowMs() < stopAt) {
      started++;
      const instanceStartedAt = nowMs();
      try {
        await runInstance(moddleContext);
        latency.add(nowMs() - instanceStartedAt);
        completed++;
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, instances) }, slot));
  const elapsed = (nowMs() - startedAt) / 1000;
  return {
    created: started, completed, lost: 0, createErrors: errors, firstCreateError: firstError,
    seconds: elapsed, perSecond: completed / elapsed, latency,
  };
}

export async function measurePeer(config: BenchConfig, benchProcess: BenchProcess): Promise<ThroughputResult> {
  console.log(`bpmn-engine in memory, ${benchProcess.label}: closed loop, ${config.peerInFlight} in flight, up to ${config.throughputInstances} instances or ${config.throughputSeconds} s`);
  // Parsed once, as amtsflow parses once on deploy; every instance gets its own Engine, as bpmn-engine runs one
  // execution per Engine.
  const moddleContext = await new BpmnModdle().fromXML(peerBpmn(benchProcess));
  await closedLoop(moddleContext, config.warmupInstances, 60, config.peerInFlight);
  const measured = resetPeakRss();
  const baselineRssMiB = rssMiB('self');
  const load = await closedLoop(moddleContext, config.throughputInstances, config.throughputSeconds, config.peerInFlight);
  return {
    system: 'bpmn-engine', storage: 'in memory, not durable', process: benchProcess, load,
    peakRssMiB: measured ? peakRssMiB('self') : Number.NaN, baselineRssMiB,
    completeErrors: 0, unexpectedCompletions: 0, engineProblems: load.createErrors,
  };
}
