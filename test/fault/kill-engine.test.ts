/**
 * Kills the engine with SIGKILL while instances are created and jobs completed, restarts it, and checks that nothing
 * acknowledged was lost or done twice.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ZBClient } from 'zeebe-node';
import { openJournal } from '../../engine/storage/index.js';
import type { EngineEvent } from '../../engine/processing/events.js';
import { bpmnProcess, sequence, serviceTask } from '../../engine/tests/harness.js';
import { freePort, startEngineProcess } from '../support/engine-process.js';

const INSTANCES = 1000;
const JOB_TIMEOUT_MS = 2000;

function client(address: string): ZBClient {
  return new ZBClient(address, { useTLS: false, loglevel: 'NONE', retry: false });
}

describe('crash safety', () => {
  it('keeps every acknowledged instance and job completion across a SIGKILL', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-kill-'));
    const port = await freePort();
    try {
      const first = await startEngineProcess(dataDir, port);
      const zbc = client(first.address);
      await zbc.deployResource({ name: 'crash.bpmn', process: bpmnProcess('crash', sequence({ id: 't', xml: serviceTask('t', 'crash-job') })) });

      const createdKeys = new Set<string>();
      const completedJobKeys = new Set<string>();
      let killed = false;
      const creator = (async () => {
        for (let i = 0; i < INSTANCES && !killed; i += 20) {
          const batch = Array.from({ length: 20 }, (_, n) => zbc.createProcessInstance({ bpmnProcessId: 'crash', variables: { n: i + n } })
            .then((created) => createdKeys.add(created.processInstanceKey), () => undefined));
          await Promise.all(batch);
        }
      })();
      const completer = (async () => {
        while (!killed) {
          const jobs = await zbc.activateJobs({ type: 'crash-job', worker: 'w', maxJobsToActivate: 32, timeout: JOB_TIMEOUT_MS, requestTimeout: 500 }).catch(() => []);
          await Promise.all(jobs.map((job) => zbc.completeJob({ jobKey: job.key, variables: { done: true } })
            .then(() => completedJobKeys.add(job.key), () => undefined)));
        }
      })();
      const giveUpAt = Date.now() + 60_000;
      while (createdKeys.size < INSTANCES / 2 && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 10));
      first.child.kill('SIGKILL');
      killed = true;
      expect(await first.exited).toBe('SIGKILL');
      // Calls still in flight went to a dead engine: nothing more can be acknowledged, and grpc-js may keep them
      // waiting for a connection, so they get a bounded moment to settle and are then left behind.
      await Promise.race([Promise.all([creator, completer, zbc.close()]), new Promise((resolve) => setTimeout(resolve, 5000))]);
      expect(completedJobKeys.size).toBeGreaterThan(0);

      const second = await startEngineProcess(dataDir, port);
      const after = client(second.address);
      const jobsAfterRestart: string[] = [];
      for (let idle = 0; idle < 3; ) {
        const jobs = await after.activateJobs({ type: 'crash-job', worker: 'w2', maxJobsToActivate: 100, timeout: 30000, requestTimeout: JOB_TIMEOUT_MS });
        idle = jobs.length === 0 ? idle + 1 : 0;
        for (const job of jobs) {
          jobsAfterRestart.push(job.key);
          await after.completeJob({ jobKey: job.key, variables: { done: true } });
        }
      }
      await after.close();
      second.child.kill('SIGTERM');
      await second.exited;

      expect(jobsAfterRestart.filter((key) => completedJobKeys.has(key))).toEqual([]);
      const journal = await openJournal({ dataDir });
      const activated = new Map<number, number>();
      const completed = new Map<number, number>();
      const jobCompletions = new Map<number, number>();
      await journal.readBatches(0, (batch) => {
        for (const event of batch.records as EngineEvent[]) {
          if (event.type === 'ELEMENT_ACTIVATING' && event.flowScopeKey === -1) activated.set(event.key, (activated.get(event.key) ?? 0) + 1);
          if (event.type === 'ELEMENT_COMPLETED' && activated.has(event.key)) completed.set(event.key, (completed.get(event.key) ?? 0) + 1);
          if (event.type === 'JOB_COMPLETED') jobCompletions.set(event.key, (jobCompletions.get(event.key) ?? 0) + 1);
        }
      });
      await journal.close();
      for (const key of createdKeys) {
        expect([key, activated.get(Number(key))]).toEqual([key, 1]);
        expect([key, completed.get(Number(key))]).toEqual([key, 1]);
      }
      for (const key of completedJobKeys) expect([key, jobCompletions.get(Number(key))]).toEqual([key, 1]);
      expect([...activated.keys()].every((key) => completed.get(key) === 1)).toBe(true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
