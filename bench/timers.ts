/**
 * Script, not a test: timer precision and the idle cost of waiting instances. Run with `npm run bench:timers`.
 * 1. 1,000 instances wait on timers due 5-15 s after creation; a long-polling worker takes the job after each timer.
 *    Lateness is the time from the timer's due date to the job reaching the worker, so it bounds the timer's own.
 * 2. The process's CPU time while idle, with nothing pending and with 10,000 timers due in an hour and 10,000 open
 *    message subscriptions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ZBClient } from 'zeebe-node';
import { startEngine } from '../engine/index.js';
import { catchEvent, message, messageDefinition, timerDefinition } from '../engine/tests/event-xml.js';
import { bpmnProcess, flow, serviceTask } from '../engine/tests/harness.js';
import { describeMachine } from './engine/machine.js';

const TIMED = 1_000;
const IDLE_TIMERS = 10_000;
const IDLE_SUBSCRIPTIONS = 10_000;
const IDLE_SECONDS = 20;

function waitThenWork(id: string, wait: string, jobType: string): Buffer {
  const body = ['<bpmn:startEvent id="start" />', catchEvent('wait', wait), serviceTask('work', jobType), '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'wait'), flow('f2', 'wait', 'work'), flow('f3', 'work', 'end')].join('');
  return bpmnProcess(id, body, message('bench-message'));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function createMany(zbc: ZBClient, bpmnProcessId: string, count: number, variables: (n: number) => Record<string, string>) {
  const keys: string[] = [];
  for (let n = 0; n < count; n += 100) {
    const batch = Array.from({ length: Math.min(100, count - n) }, (_, i) => zbc.createProcessInstance({ bpmnProcessId, variables: variables(n + i) }));
    for (const created of await Promise.all(batch)) keys.push(created.processInstanceKey);
  }
  return keys;
}

/** CPU time of this process (engine, its PGlite worker and the client) per second of doing nothing, after a settling pause. */
async function idleCpuMsPerSecond(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const before = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const used = process.cpuUsage(before);
  return Number(((used.user + used.system) / 1000 / IDLE_SECONDS).toFixed(2));
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-bench-timers-'));
const running = await startEngine({ dataDir, gatewayHost: '127.0.0.1', gatewayPort: 0, logLevel: 'silent' }, pino({ level: 'silent' }));
const zbc = new ZBClient(running.gatewayAddress, { useTLS: false, loglevel: 'NONE', retry: false });
const state = running.engine.state;
try {
  await zbc.deployResource({ name: 'timed.bpmn', process: waitThenWork('timed', timerDefinition('timeDuration', '=wait'), 'after-timer') });
  const keys = await createMany(zbc, 'timed', TIMED, (n) => ({ wait: `PT${(5 + (10 * n) / TIMED).toFixed(3)}S` }));
  const dueByInstance = new Map<number, number>();
  for (const timer of state.timers.values()) dueByInstance.set(timer.processInstanceKey, timer.dueDate);
  if (dueByInstance.size !== keys.length) throw new Error(`Expected ${keys.length} pending timers, found ${dueByInstance.size}`);

  const lateness: number[] = [];
  while (lateness.length < TIMED) {
    const jobs = await zbc.activateJobs({ type: 'after-timer', worker: 'bench', maxJobsToActivate: 1000, timeout: 60_000, requestTimeout: 20_000 });
    const now = Date.now();
    for (const job of jobs) lateness.push(now - dueByInstance.get(Number(job.processInstanceKey))!);
    await Promise.all(jobs.map((job) => zbc.completeJob({ jobKey: job.key, variables: {} })));
  }
  lateness.sort((a, b) => a - b);

  const idleWithout = await idleCpuMsPerSecond();
  await zbc.deployResource({ name: 'hour.bpmn', process: waitThenWork('hour', timerDefinition('timeDuration', 'PT1H'), 'never') });
  await zbc.deployResource({ name: 'message.bpmn', process: waitThenWork('message', messageDefinition('bench-message'), 'never') });
  await createMany(zbc, 'hour', IDLE_TIMERS, () => ({}));
  await createMany(zbc, 'message', IDLE_SUBSCRIPTIONS, (n) => ({ key: `k-${n}` }));
  const idleWith = await idleCpuMsPerSecond();

  const machine = await describeMachine();
  console.log(JSON.stringify({
    machine: `${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}`,
    timers: TIMED,
    latenessMs: { median: percentile(lateness, 50), p99: percentile(lateness, 99), max: lateness[lateness.length - 1], min: lateness[0] },
    idleCpuMsPerSecond: {
      nothingPending: idleWithout,
      [`${state.timers.size} timers and ${state.messageSubscriptions.size} message subscriptions pending`]: idleWith,
    },
  }, null, 2));
} finally {
  await zbc.close();
  await running.stop();
  await rm(dataDir, { recursive: true, force: true });
}
