import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, sequence, serviceTask, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

describe('job workers over zeebe-node', () => {
  it('runs an instance from start through a service task to its end with a worker', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'greet.bpmn', process: bpmnProcess('greet', sequence({ id: 'say', xml: serviceTask('say', 'say-hello') })) });
    const seen: Record<string, unknown>[] = [];
    const worker = zbc.createWorker({
      taskType: 'say-hello',
      taskHandler: (job) => {
        seen.push(job.variables);
        return job.complete({ greeted: true });
      },
    });
    const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'greet', variables: { name: 'Leichlingen' }, requestTimeout: 10000 });
    await worker.close();
    expect(seen).toEqual([{ name: 'Leichlingen' }]);
    expect(result.variables).toEqual({ name: 'Leichlingen', greeted: true });
  });

  it('gives a job to a worker with its headers, element and process data', async () => {
    const { zbc } = engine;
    const headers = '<zeebe:taskHeaders><zeebe:header key="department" value="Kämmerei" /></zeebe:taskHeaders>';
    const deployed = await zbc.deployResource({ name: 'headers.bpmn', process: bpmnProcess('headers', sequence({ id: 'book', xml: serviceTask('book', 'book-payment', headers, '5') })) });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'headers', variables: { amount: 12.5 } });
    const response = await zbc.activateJobs({ type: 'book-payment', worker: 'kasse', maxJobsToActivate: 5, timeout: 30000, requestTimeout: 1000 });
    expect(response).toHaveLength(1);
    const job = response[0];
    expect(job).toMatchObject({
      type: 'book-payment',
      worker: 'kasse',
      retries: 5,
      elementId: 'book',
      bpmnProcessId: 'headers',
      processInstanceKey: instance.processInstanceKey,
      processDefinitionKey: deployed.deployments[0].process.processDefinitionKey,
      customHeaders: { department: 'Kämmerei' },
      variables: { amount: 12.5 },
    });
    expect(Number(job.deadline)).toBeGreaterThan(Date.now());
    await zbc.completeJob({ jobKey: job.key, variables: {} });
  });

  it('hands only the variables a worker fetches', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'fetch.bpmn', process: bpmnProcess('fetch', sequence({ id: 't', xml: serviceTask('t', 'fetch-some') })) });
    await zbc.createProcessInstance({ bpmnProcessId: 'fetch', variables: { a: 1, b: 2, c: 3 } });
    const [job] = await zbc.activateJobs({ type: 'fetch-some', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 1000, fetchVariable: ['a', 'c'] });
    expect(job.variables).toEqual({ a: 1, c: 3 });
  });

  it('makes a job available again after its timeout when the worker never answers', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'timeout.bpmn', process: bpmnProcess('timeout', sequence({ id: 't', xml: serviceTask('t', 'slow-job') })) });
    await zbc.createProcessInstance({ bpmnProcessId: 'timeout', variables: {} });
    const [first] = await zbc.activateJobs({ type: 'slow-job', worker: 'w1', maxJobsToActivate: 1, timeout: 300, requestTimeout: 1000 });
    const none = await zbc.activateJobs({ type: 'slow-job', worker: 'w2', maxJobsToActivate: 1, timeout: 300, requestTimeout: -1 });
    expect(none).toEqual([]);
    const [again] = await zbc.activateJobs({ type: 'slow-job', worker: 'w2', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 3000 });
    expect(again.key).toBe(first.key);
    expect(again.worker).toBe('w2');
  });

  it('rejects completing a job that does not exist with NOT_FOUND', async () => {
    await expect(engine.zbc.completeJob({ jobKey: '2251799813999999', variables: {} })).rejects.toMatchObject({
      code: 5,
      details: expect.stringContaining("Expected to complete job with key '2251799813999999', but no such job was found"),
    });
  });

  it('rejects job variables that are not a JSON object with INVALID_ARGUMENT', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'bad-vars.bpmn', process: bpmnProcess('badvars', sequence({ id: 't', xml: serviceTask('t', 'bad-vars') })) });
    await zbc.createProcessInstance({ bpmnProcessId: 'badvars', variables: {} });
    const [job] = await zbc.activateJobs({ type: 'bad-vars', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 1000 });
    await expect(zbc.completeJob({ jobKey: job.key, variables: [1, 2] as unknown as object })).rejects.toMatchObject({ code: 3 });
    await zbc.completeJob({ jobKey: job.key, variables: {} });
    await expect(zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({ code: 5 });
  });
});
