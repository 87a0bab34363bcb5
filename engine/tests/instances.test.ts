import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, sequence, serviceTask, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
  const twoTasks = sequence({ id: 'first', xml: serviceTask('first', 'inst-first') }, { id: 'second', xml: serviceTask('second', 'inst-second') });
  await engine.zbc.deployResource({ name: 'two.bpmn', process: bpmnProcess('two', twoTasks) });
});
afterAll(async () => engine.destroy());

const activeElements = (processInstanceKey: string) =>
  [...engine.running.engine.state.elementInstances.values()].filter((e) => String(e.processInstanceKey) === processInstanceKey);

describe('process instances', () => {
  it('cancels a running instance, its job disappears and a second cancel is NOT_FOUND', async () => {
    const { zbc } = engine;
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'two', variables: {} });
    expect(activeElements(instance.processInstanceKey).map((e) => e.elementId)).toEqual(['two', 'first']);
    await zbc.cancelProcessInstance(instance.processInstanceKey);
    expect(activeElements(instance.processInstanceKey)).toEqual([]);
    const jobs = [...engine.running.engine.state.jobs.values()].filter((j) => String(j.processInstanceKey) === instance.processInstanceKey);
    expect(jobs).toEqual([]);
    await expect(zbc.cancelProcessInstance(instance.processInstanceKey)).rejects.toMatchObject({ code: 5 });
  });

  it('starts at the elements named by start instructions instead of the start event', async () => {
    const instance = await engine.zbc.createProcessInstance({ bpmnProcessId: 'two', variables: {}, startInstructions: [{ elementId: 'second' }] });
    expect(activeElements(instance.processInstanceKey).map((e) => e.elementId)).toEqual(['two', 'second']);
    await engine.zbc.cancelProcessInstance(instance.processInstanceKey);
  });

  it('rejects a start instruction for an unknown element with INVALID_ARGUMENT', async () => {
    await expect(engine.zbc.createProcessInstance({ bpmnProcessId: 'two', variables: {}, startInstructions: [{ elementId: 'nope' }] }))
      .rejects.toMatchObject({ code: 3, details: expect.stringContaining("'nope'") });
  });

  it('rejects an unknown process id with NOT_FOUND', async () => {
    await expect(engine.zbc.createProcessInstance({ bpmnProcessId: 'does-not-exist', variables: {} }))
      .rejects.toMatchObject({ code: 5, details: expect.stringContaining("process ID 'does-not-exist'") });
  });

  it('creates instances of a given version or of the latest one', async () => {
    const { zbc } = engine;
    const v1 = await zbc.deployResource({ name: 'versioned.bpmn', process: bpmnProcess('versioned', sequence({ id: 't', xml: serviceTask('t', 'v1') })) });
    const v2 = await zbc.deployResource({ name: 'versioned.bpmn', process: bpmnProcess('versioned', sequence({ id: 't', xml: serviceTask('t', 'v2') })) });
    expect(v2.deployments[0].process.version).toBe(2);
    const byVersion = await zbc.createProcessInstance({ bpmnProcessId: 'versioned', version: 1, variables: {} });
    expect(byVersion.version).toBe(1);
    const latest = await zbc.createProcessInstance({ bpmnProcessId: 'versioned', variables: {} });
    expect(latest.version).toBe(2);
    expect(byVersion.processDefinitionKey).toBe(v1.deployments[0].process.processDefinitionKey);
  });

  it('returns only the requested variables with the result, and DEADLINE_EXCEEDED when the instance does not finish in time', async () => {
    const { zbc } = engine;
    const pending = zbc.createProcessInstanceWithResult({ bpmnProcessId: 'two', variables: { a: 1, b: 2 }, requestTimeout: 10000, fetchVariables: ['b'] });
    for (const type of ['inst-first', 'inst-second']) {
      const [job] = await zbc.activateJobs({ type, worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
      await zbc.completeJob({ jobKey: job.key, variables: {} });
    }
    expect((await pending).variables).toEqual({ b: 2 });
    await expect(zbc.createProcessInstanceWithResult({ bpmnProcessId: 'two', variables: {}, requestTimeout: 300 }))
      .rejects.toMatchObject({ code: 4 });
  });

  it('rejects instance variables that are not a JSON object with INVALID_ARGUMENT', async () => {
    await expect(engine.zbc.createProcessInstance({ bpmnProcessId: 'two', variables: 'text' as never }))
      .rejects.toMatchObject({ code: 3 });
  });
});
