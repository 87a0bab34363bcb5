import { describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { bpmnProcess, sequence, serviceTask, startTestEngine } from './harness.js';

describe('restart', () => {
  it('brings back deployments, instances, variables, jobs and incidents, and re-offers jobs activated before the stop', async () => {
    const first = await startTestEngine();
    const { zbc } = first;
    await zbc.deployResource({ name: 'durable.bpmn', process: bpmnProcess('durable', sequence({ id: 't', xml: serviceTask('t', 'durable-job', '', '1') })) });
    const waiting = await zbc.createProcessInstance({ bpmnProcessId: 'durable', variables: { citizen: 'Frau Schmitz' } });
    const failing = await zbc.createProcessInstance({ bpmnProcessId: 'durable', variables: { citizen: 'Herr Meier' } });
    const jobs = await zbc.activateJobs({ type: 'durable-job', worker: 'before-stop', maxJobsToActivate: 2, timeout: 1500, requestTimeout: 2000 });
    const failingJob = jobs.find((job) => job.processInstanceKey === failing.processInstanceKey)!;
    await zbc.failJob({ jobKey: failingJob.key, retries: 0, errorMessage: 'Fachverfahren down', retryBackOff: 0 });
    await first.stop();

    const second = await startTestEngine(first.dataDir);
    try {
      const state = second.running.engine.state;
      expect(state.latestProcess('durable')?.version).toBe(1);
      expect([...state.incidents.values()].map((i) => i.errorMessage)).toEqual(['Fachverfahren down']);
      const again = await second.zbc.activateJobs({ type: 'durable-job', worker: 'after-restart', maxJobsToActivate: 5, timeout: 30000, requestTimeout: 5000 });
      expect(again.map((job) => job.processInstanceKey)).toEqual([waiting.processInstanceKey]);
      expect(again[0].variables).toEqual({ citizen: 'Frau Schmitz' });
      const result = second.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'durable', variables: {}, requestTimeout: 10000 });
      const [fresh] = await second.zbc.activateJobs({ type: 'durable-job', worker: 'after-restart', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 5000 });
      expect(BigInt(fresh.key)).toBeGreaterThan(BigInt(failingJob.key));
      await second.zbc.completeJob({ jobKey: fresh.key, variables: {} });
      await result;
    } finally {
      await second.stop();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
