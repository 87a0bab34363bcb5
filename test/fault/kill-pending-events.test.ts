/**
 * Kills the engine with SIGKILL while timers and message subscriptions are pending and messages are buffered,
 * restarts it after the timers fell due, and checks that every timer fires exactly once and every buffered message
 * and subscription still correlates.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ZBClient } from 'zeebe-node';
import type { EngineEvent } from '../../engine/processing/events.js';
import { openJournal } from '../../engine/storage/index.js';
import { catchEvent, message, messageDefinition, timerDefinition } from '../../engine/tests/event-xml.js';
import { bpmnProcess, flow, serviceTask } from '../../engine/tests/harness.js';
import { freePort, startEngineProcess } from '../support/engine-process.js';

const TIMED_INSTANCES = 50;
const SUBSCRIBED_INSTANCES = 20;
const BUFFERED_MESSAGES = 10;

function client(address: string): ZBClient {
  return new ZBClient(address, { useTLS: false, loglevel: 'NONE', retry: false });
}

function waitThenWork(id: string, wait: string, jobType: string): Buffer {
  const body = ['<bpmn:startEvent id="start" />', catchEvent('wait', wait), serviceTask('work', jobType), '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'wait'), flow('f2', 'wait', 'work'), flow('f3', 'work', 'end')].join('');
  return bpmnProcess(id, body, message('crash-message'));
}

/** Activates and completes jobs of a type until none came for three polls; returns how many there were. */
async function drain(zbc: ZBClient, type: string): Promise<number> {
  let count = 0;
  for (let idle = 0; idle < 3; ) {
    const jobs = await zbc.activateJobs({ type, worker: 'drain', maxJobsToActivate: 100, timeout: 30_000, requestTimeout: 1000 });
    idle = jobs.length === 0 ? idle + 1 : 0;
    for (const job of jobs) await zbc.completeJob({ jobKey: job.key, variables: {} });
    count += jobs.length;
  }
  return count;
}

describe('crash safety of waiting instances', () => {
  it('fires every timer exactly once and correlates every buffered message after a SIGKILL', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-kill-events-'));
    const port = await freePort();
    try {
      const first = await startEngineProcess(dataDir, port);
      const zbc = client(first.address);
      await zbc.deployResource({ name: 'timed.bpmn', process: waitThenWork('timed', timerDefinition('timeDuration', 'PT2S'), 'after-timer') });
      await zbc.deployResource({ name: 'messaged.bpmn', process: waitThenWork('messaged', messageDefinition('crash-message'), 'after-message') });
      for (let n = 0; n < TIMED_INSTANCES; n++) await zbc.createProcessInstance({ bpmnProcessId: 'timed', variables: { n } });
      for (let n = 0; n < SUBSCRIBED_INSTANCES; n++) await zbc.createProcessInstance({ bpmnProcessId: 'messaged', variables: { key: `open-${n}` } });
      for (let n = 0; n < BUFFERED_MESSAGES; n++) {
        await zbc.publishMessage({ name: 'crash-message', correlationKey: `buffered-${n}`, variables: { n }, timeToLive: 600_000 });
      }
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      await Promise.race([zbc.close(), new Promise((resolve) => setTimeout(resolve, 2000))]);
      // the timers fall due while the engine is down
      await new Promise((resolve) => setTimeout(resolve, 2500));

      const second = await startEngineProcess(dataDir, port);
      const after = client(second.address);
      expect(await drain(after, 'after-timer')).toBe(TIMED_INSTANCES);
      for (let n = 0; n < SUBSCRIBED_INSTANCES; n++) {
        await after.publishMessage({ name: 'crash-message', correlationKey: `open-${n}`, variables: {}, timeToLive: 0 });
      }
      for (let n = 0; n < BUFFERED_MESSAGES; n++) await after.createProcessInstance({ bpmnProcessId: 'messaged', variables: { key: `buffered-${n}` } });
      expect(await drain(after, 'after-message')).toBe(SUBSCRIBED_INSTANCES + BUFFERED_MESSAGES);
      await after.close();
      second.child.kill('SIGTERM');
      await second.exited;

      const journal = await openJournal({ dataDir });
      const fired = new Map<number, number>();
      const created: number[] = [];
      await journal.readBatches(0, (batch) => {
        for (const event of batch.records as EngineEvent[]) {
          if (event.type === 'TIMER_CREATED') created.push(event.key);
          if (event.type === 'TIMER_TRIGGERED') fired.set(event.key, (fired.get(event.key) ?? 0) + 1);
        }
      });
      await journal.close();
      expect(created).toHaveLength(TIMED_INSTANCES);
      expect(created.map((key) => fired.get(key))).toEqual(created.map(() => 1));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
