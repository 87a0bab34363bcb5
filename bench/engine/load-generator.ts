/**
 * Creates benchmark instances through zeebe-node: closed loop (a fixed number in flight, each slot creating the next
 * instance once its last one completed), open loop (a fixed offered rate), and a plain fill for the restart phase.
 */
import type { ZBClient } from 'zeebe-node';
import type { BenchProcess } from './bench-processes.js';
import type { BenchVariables } from './bench-worker.js';
import type { InstanceTracker } from './instance-tracker.js';
import { LatencySamples, nowMs } from './stats.js';

/** An instance that has not completed this long after its creation counts as lost. */
const INSTANCE_TIMEOUT_MS = 60_000;

export interface LoadResult {
  created: number;
  completed: number;
  /** Created (acknowledged) but not completed within INSTANCE_TIMEOUT_MS. */
  lost: number;
  createErrors: number;
  firstCreateError?: string;
  seconds: number;
  /** Completed instances per second, first create to last completion. */
  perSecond: number;
  /** Create to completion acknowledged (closed loop) or create to activation (open loop). */
  latency: LatencySamples;
}

interface Counters {
  created: number;
  completed: number;
  lost: number;
  createErrors: number;
  firstCreateError?: string;
}

/** Resolves with the new instance's key, or undefined if the create failed. */
async function createOne(zbc: ZBClient, benchProcess: BenchProcess, n: number, counters: Counters): Promise<string | undefined> {
  const variables: BenchVariables = { n, createdAt: nowMs() };
  try {
    const created = await zbc.createProcessInstance({ bpmnProcessId: benchProcess.id, variables });
    counters.created++;
    return created.processInstanceKey;
  } catch (error) {
    counters.createErrors++;
    counters.firstCreateError ??= (error as Error).message;
    return undefined;
  }
}

async function followOne(zbc: ZBClient, tracker: InstanceTracker, benchProcess: BenchProcess, counters: Counters): Promise<void> {
  const { n, done } = tracker.expect(INSTANCE_TIMEOUT_MS);
  if ((await createOne(zbc, benchProcess, n, counters)) === undefined) {
    tracker.forget(n);
    return;
  }
  if (await done) counters.completed++;
  else counters.lost++;
}

function progress(label: string, counters: Counters, startedAt: number): NodeJS.Timeout {
  return setInterval(() => {
    const seconds = (nowMs() - startedAt) / 1000;
    console.log(`  ${label}: ${counters.created} created, ${counters.completed} completed after ${seconds.toFixed(0)} s`);
  }, 5_000);
}

function result(counters: Counters, startedAt: number, endedAt: number, latency: LatencySamples): LoadResult {
  const seconds = (endedAt - startedAt) / 1000;
  return { ...counters, seconds, perSecond: counters.completed / seconds, latency };
}

export interface ClosedLoopOptions {
  instances: number;
  seconds: number;
  inFlight: number;
  label: string;
}

export async function runClosedLoop(zbc: ZBClient, tracker: InstanceTracker, benchProcess: BenchProcess, options: ClosedLoopOptions): Promise<LoadResult> {
  tracker.reset();
  const counters: Counters = { created: 0, completed: 0, lost: 0, createErrors: 0 };
  const startedAt = nowMs();
  const stopCreatingAt = startedAt + options.seconds * 1000;
  let started = 0;
  const slot = async () => {
    while (started < options.instances && nowMs() < stopCreatingAt) {
      started++;
      await followOne(zbc, tracker, benchProcess, counters);
    }
  };
  const ticker = progress(options.label, counters, startedAt);
  await Promise.all(Array.from({ length: Math.min(options.inFlight, options.instances) }, slot));
  clearInterval(ticker);
  return result(counters, startedAt, tracker.lastCompletedAt || nowMs(), tracker.completion);
}

export interface OpenLoopOptions {
  rate: number;
  seconds: number;
  label: string;
}

/** Offers `rate` creates per second, not waiting for earlier ones; the latency is create to job activation. */
export async function runOpenLoop(zbc: ZBClient, tracker: InstanceTracker, benchProcess: BenchProcess, options: OpenLoopOptions): Promise<LoadResult> {
  tracker.reset();
  const counters: Counters = { created: 0, completed: 0, lost: 0, createErrors: 0 };
  const total = Math.round(options.rate * options.seconds);
  const followed: Promise<void>[] = [];
  const startedAt = nowMs();
  const ticker = progress(options.label, counters, startedAt);
  while (followed.length < total) {
    const due = Math.min(total, Math.floor(((nowMs() - startedAt) * options.rate) / 1000) + 1);
    while (followed.length < due) followed.push(followOne(zbc, tracker, benchProcess, counters));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const offeredSeconds = (nowMs() - startedAt) / 1000;
  await Promise.all(followed);
  clearInterval(ticker);
  return { ...counters, seconds: offeredSeconds, perSecond: counters.created / offeredSeconds, latency: tracker.activation };
}

/**
 * Creates instances with `inFlight` creates outstanding at a time until `count` were acknowledged (failed creates are
 * retried as new instances) or `maxSeconds` passed. Resolves with the keys of the acknowledged instances.
 */
export async function fillInstances(zbc: ZBClient, benchProcess: BenchProcess, count: number, inFlight: number, maxSeconds: number): Promise<{ load: LoadResult; keys: Set<string> }> {
  const keys = new Set<string>();
  const counters: Counters = { created: 0, completed: 0, lost: 0, createErrors: 0 };
  const startedAt = nowMs();
  const giveUpAt = startedAt + maxSeconds * 1000;
  let started = 0;
  let reported = 0;
  const slot = async () => {
    // Creates acknowledged or still outstanding, not those that failed.
    while (started - counters.createErrors < count && nowMs() < giveUpAt) {
      const key = await createOne(zbc, benchProcess, started++, counters);
      if (key !== undefined) keys.add(key);
      if (counters.created >= reported + count / 10) {
        reported = counters.created;
        console.log(`  ${counters.created} of ${count} waiting instances created after ${((nowMs() - startedAt) / 1000).toFixed(0)} s`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, slot));
  return { load: result(counters, startedAt, nowMs(), new LatencySamples()), keys };
}
