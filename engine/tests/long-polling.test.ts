import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, sequence, serviceTask, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
  await engine.zbc.deployResource({ name: 'poll.bpmn', process: bpmnProcess('poll', sequence({ id: 't', xml: serviceTask('t', 'polled') })) });
});
afterAll(async () => engine.destroy());

describe('ActivateJobs long polling', () => {
  it('holds a poll with no job until its request timeout and then answers with no jobs', async () => {
    const started = Date.now();
    const jobs = await engine.zbc.activateJobs({ type: 'nobody-creates-this', worker: 'w', maxJobsToActivate: 1, timeout: 1000, requestTimeout: 700 });
    const waited = Date.now() - started;
    expect(jobs).toEqual([]);
    expect(waited).toBeGreaterThanOrEqual(650);
  });

  it('delivers a job created during the poll at once, not at the end of the poll', async () => {
    const started = Date.now();
    const poll = engine.zbc.activateJobs({ type: 'polled', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 20000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const instance = await engine.zbc.createProcessInstance({ bpmnProcessId: 'poll', variables: {} });
    const jobs = await poll;
    expect(jobs.map((job) => job.processInstanceKey)).toEqual([instance.processInstanceKey]);
    expect(Date.now() - started).toBeLessThan(10000);
  });

  it('answers a poll with a negative request timeout immediately', async () => {
    const jobs = await engine.zbc.activateJobs({ type: 'nobody-creates-this', worker: 'w', maxJobsToActivate: 1, timeout: 1000, requestTimeout: -1 });
    expect(jobs).toEqual([]);
  });

  it('activates no more jobs than asked for', async () => {
    for (let i = 0; i < 3; i++) await engine.zbc.createProcessInstance({ bpmnProcessId: 'poll', variables: { i } });
    const jobs = await engine.zbc.activateJobs({ type: 'polled', worker: 'w', maxJobsToActivate: 2, timeout: 30000, requestTimeout: 1000 });
    expect(jobs).toHaveLength(2);
    const rest = await engine.zbc.activateJobs({ type: 'polled', worker: 'w', maxJobsToActivate: 5, timeout: 30000, requestTimeout: 1000 });
    expect(rest).toHaveLength(1);
  });
});
