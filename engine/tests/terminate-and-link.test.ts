import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, eventually, flow, scriptTask, serviceTask, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

const state = () => engine.running.engine.state;
const ofInstance = (processInstanceKey: string) => (entity: { processInstanceKey: number }) =>
  String(entity.processInstanceKey) === processInstanceKey;
const activeElementsOf = (processInstanceKey: string) =>
  [...state().elementInstances.values()].filter(ofInstance(processInstanceKey)).map((element) => element.elementId).sort();

async function activateOne(type: string) {
  const jobs = await engine.zbc.activateJobs({ type, worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
  expect(jobs).toHaveLength(1);
  return jobs[0];
}

const terminateEnd = (id: string) => `<bpmn:endEvent id="${id}"><bpmn:terminateEventDefinition /></bpmn:endEvent>`;
const linkThrow = (id: string, name: string) => `<bpmn:intermediateThrowEvent id="${id}"><bpmn:linkEventDefinition name="${name}" /></bpmn:intermediateThrowEvent>`;
const linkCatch = (id: string, name: string) => `<bpmn:intermediateCatchEvent id="${id}"><bpmn:linkEventDefinition name="${name}" /></bpmn:intermediateCatchEvent>`;

describe('terminate end events', () => {
  it('cancels the pending job, the stuck branch and the token waiting at a join, and completes the instance', async () => {
    const { zbc } = engine;
    await zbc.deployResource({
      name: 'withdrawn.bpmn',
      process: bpmnProcess('withdrawn', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:parallelGateway id="fork" />',
        serviceTask('inspect', 'withdrawn-inspect'),
        scriptTask('fee', '=120', 'fee'),
        scriptTask('broken', '=assert(missing, missing != null)', 'never'),
        '<bpmn:parallelGateway id="join" />',
        '<bpmn:endEvent id="end" />',
        serviceTask('withdraw', 'withdrawn-withdraw'),
        terminateEnd('terminate'),
        flow('f0', 'start', 'fork'),
        flow('f1', 'fork', 'inspect'), flow('f2', 'fork', 'fee'), flow('f3', 'fork', 'broken'), flow('f4', 'fork', 'withdraw'),
        flow('f5', 'inspect', 'join'), flow('f6', 'fee', 'join'), flow('f7', 'broken', 'join'), flow('f8', 'join', 'end'),
        flow('f9', 'withdraw', 'terminate'),
      ].join('\n')),
    });
    const result = zbc.createProcessInstanceWithResult({ bpmnProcessId: 'withdrawn', variables: {}, requestTimeout: 10000 });
    const inspect = await activateOne('withdrawn-inspect');
    const withdraw = await activateOne('withdrawn-withdraw');
    const instanceKey = inspect.processInstanceKey;
    expect(activeElementsOf(instanceKey)).toEqual(['broken', 'inspect', 'withdraw', 'withdrawn']);
    expect([...state().incidents.values()].filter(ofInstance(instanceKey))).toHaveLength(1);

    await zbc.completeJob({ jobKey: withdraw.key, variables: { withdrawn: true } });
    expect((await result).variables).toEqual({ fee: 120, withdrawn: true });
    expect(activeElementsOf(instanceKey)).toEqual([]);
    expect([...state().incidents.values()].filter(ofInstance(instanceKey))).toEqual([]);
    expect(state().joins.size).toBe(0);
    await expect(zbc.completeJob({ jobKey: inspect.key, variables: {} })).rejects.toMatchObject({ code: 5 });
  });

  it('ends branches that are still passing through when it is reached in the same step', async () => {
    const { zbc } = engine;
    await zbc.deployResource({
      name: 'instant-terminate.bpmn',
      process: bpmnProcess('instant-terminate', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:parallelGateway id="fork" />',
        terminateEnd('terminate'),
        '<bpmn:manualTask id="manual" />',
        scriptTask('late', '=true', 'late'),
        '<bpmn:endEvent id="end" />',
        flow('f0', 'start', 'fork'), flow('f1', 'fork', 'terminate'), flow('f2', 'fork', 'manual'),
        flow('f3', 'manual', 'late'), flow('f4', 'late', 'end'),
      ].join('\n')),
    });
    const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'instant-terminate', variables: {}, requestTimeout: 10000 });
    expect(result.variables).toEqual({});
  });

  it('inside a sub-process ends only the sub-process, which takes its outgoing flow', async () => {
    const { zbc } = engine;
    await zbc.deployResource({
      name: 'sub-terminate.bpmn',
      process: bpmnProcess('sub-terminate', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:parallelGateway id="fork" />',
        '<bpmn:subProcess id="sub">',
        '<bpmn:startEvent id="subStart" />',
        '<bpmn:parallelGateway id="subFork" />',
        serviceTask('slow', 'sub-terminate-slow'),
        '<bpmn:endEvent id="subEnd" />',
        serviceTask('fast', 'sub-terminate-fast'),
        terminateEnd('subTerminate'),
        flow('s0', 'subStart', 'subFork'), flow('s1', 'subFork', 'slow'), flow('s2', 'slow', 'subEnd'),
        flow('s3', 'subFork', 'fast'), flow('s4', 'fast', 'subTerminate'),
        '</bpmn:subProcess>',
        serviceTask('outside', 'sub-terminate-outside'),
        '<bpmn:parallelGateway id="join" />',
        scriptTask('after', '=true', 'continued'),
        '<bpmn:endEvent id="end" />',
        flow('f0', 'start', 'fork'), flow('f1', 'fork', 'sub'), flow('f2', 'fork', 'outside'),
        flow('f3', 'sub', 'join'), flow('f4', 'outside', 'join'), flow('f5', 'join', 'after'), flow('f6', 'after', 'end'),
      ].join('\n')),
    });
    const result = zbc.createProcessInstanceWithResult({ bpmnProcessId: 'sub-terminate', variables: {}, requestTimeout: 10000 });
    const slow = await activateOne('sub-terminate-slow');
    const fast = await activateOne('sub-terminate-fast');
    const instanceKey = slow.processInstanceKey;

    await zbc.completeJob({ jobKey: fast.key, variables: {} });
    expect(activeElementsOf(instanceKey)).toEqual(['outside', 'sub-terminate']);
    await expect(zbc.completeJob({ jobKey: slow.key, variables: {} })).rejects.toMatchObject({ code: 5 });

    const outside = await activateOne('sub-terminate-outside');
    await zbc.completeJob({ jobKey: outside.key, variables: {} });
    expect((await result).variables).toEqual({ continued: true });
  });
});

describe('link events', () => {
  it('continues at the link catch event with the same name, also to form a loop', async () => {
    const { zbc } = engine;
    await zbc.deployResource({
      name: 'retry-loop.bpmn',
      process: bpmnProcess('retry-loop', [
        '<bpmn:startEvent id="start" />',
        linkThrow('toCounting', 'count'),
        linkCatch('counting', 'count'),
        scriptTask('increment', '=attempts + 1', 'attempts'),
        '<bpmn:exclusiveGateway id="enough" default="again" />',
        linkThrow('retry', 'count'),
        serviceTask('report', 'retry-loop-report'),
        '<bpmn:endEvent id="end" />',
        flow('f0', 'start', 'toCounting'), flow('f1', 'counting', 'increment'), flow('f2', 'increment', 'enough'),
        flow('done', 'enough', 'report', '=attempts &gt;= 3'), flow('again', 'enough', 'retry'), flow('f3', 'report', 'end'),
      ].join('\n')),
    });
    const result = zbc.createProcessInstanceWithResult({ bpmnProcessId: 'retry-loop', variables: { attempts: 0 }, requestTimeout: 10000 });
    const report = await activateOne('retry-loop-report');
    expect(report.variables).toEqual({ attempts: 3 });
    expect(activeElementsOf(report.processInstanceKey)).toEqual(['report', 'retry-loop']);
    await zbc.completeJob({ jobKey: report.key, variables: {} });
    expect((await result).variables).toEqual({ attempts: 3 });
    await eventually(() => activeElementsOf(report.processInstanceKey).length === 0);
  });
});
