import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { bpmnProcess, eventually, flow, scriptTask, serviceTask, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

const state = () => engine.running.engine.state;
const ofInstance = (processInstanceKey: string) => (entity: { processInstanceKey: number }) =>
  String(entity.processInstanceKey) === processInstanceKey;
const jobTypesOf = (processInstanceKey: string) => [...state().jobs.values()].filter(ofInstance(processInstanceKey)).map((job) => job.type).sort();
const activeElementsOf = (processInstanceKey: string) =>
  [...state().elementInstances.values()].filter(ofInstance(processInstanceKey)).map((element) => element.elementId);
const incidentsOf = (processInstanceKey: string) => [...state().incidents.values()].filter(ofInstance(processInstanceKey));
const isDone = (processInstanceKey: string) => !state().elementInstances.has(Number(processInstanceKey));

async function completeJob(type: string, variables: Record<string, unknown> = {}) {
  const jobs = await engine.zbc.activateJobs({ type, worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
  expect(jobs).toHaveLength(1);
  await engine.zbc.completeJob({ jobKey: jobs[0].key, variables });
}

/**
 * Lunch: an inclusive gateway chooses the courses (pasta, steak, and salad as the default when `withDefault`, else
 * on its own condition), a job each, and an inclusive join clears the table once the cooking is done.
 */
function lunch(id: string, { withDefault }: { withDefault: boolean }): Buffer {
  return bpmnProcess(id, [
    '<bpmn:startEvent id="start" />',
    `<bpmn:inclusiveGateway id="courses" ${withDefault ? 'default="toSalad"' : ''} />`,
    serviceTask('pasta', `${id}-pasta`), serviceTask('steak', `${id}-steak`), serviceTask('salad', `${id}-salad`),
    '<bpmn:inclusiveGateway id="cooked" />',
    scriptTask('clear', '=cleared + 1', 'cleared'),
    '<bpmn:endEvent id="end" />',
    flow('toCourses', 'start', 'courses'),
    flow('toPasta', 'courses', 'pasta', '=list contains(courses, "pasta")'),
    flow('toSteak', 'courses', 'steak', '=list contains(courses, "steak")'),
    flow('toSalad', 'courses', 'salad', withDefault ? undefined : '=list contains(courses, "salad")'),
    flow('pastaDone', 'pasta', 'cooked'), flow('steakDone', 'steak', 'cooked'), flow('saladDone', 'salad', 'cooked'),
    flow('toClear', 'cooked', 'clear'), flow('toEnd', 'clear', 'end'),
  ].join('\n'));
}

describe('inclusive gateways', () => {
  beforeAll(async () => {
    await engine.zbc.deployResource({ name: 'lunch.bpmn', process: lunch('lunch', { withDefault: true }) });
    await engine.zbc.deployResource({ name: 'strict-lunch.bpmn', process: lunch('strict-lunch', { withDefault: false }) });
  });

  it('forks to every flow whose condition holds and joins once all of them arrived', async () => {
    const instance = await engine.zbc.createProcessInstance({ bpmnProcessId: 'lunch', variables: { courses: ['pasta', 'steak'], cleared: 0 } });
    expect(jobTypesOf(instance.processInstanceKey)).toEqual(['lunch-pasta', 'lunch-steak']);
    await completeJob('lunch-pasta');
    expect(activeElementsOf(instance.processInstanceKey)).not.toContain('clear');
    expect(isDone(instance.processInstanceKey)).toBe(false);
    await completeJob('lunch-steak');
    await eventually(() => isDone(instance.processInstanceKey));
  });

  it('takes the default flow when no condition holds', async () => {
    const result = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'lunch', variables: { courses: [], cleared: 0 }, requestTimeout: 10000 });
    await completeJob('lunch-salad');
    expect((await result).variables).toEqual({ courses: [], cleared: 1 });
  });

  it('activates the join right after the only path that was taken', async () => {
    const result = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'lunch', variables: { courses: ['steak'], cleared: 0 }, requestTimeout: 10000 });
    await completeJob('lunch-steak');
    expect((await result).variables.cleared).toBe(1);
  });

  it('raises an incident when no condition holds and there is no default flow, and continues after the data is fixed', async () => {
    const instance = await engine.zbc.createProcessInstance({ bpmnProcessId: 'strict-lunch', variables: { courses: [], cleared: 0 } });
    const [incident] = incidentsOf(instance.processInstanceKey);
    expect(incident).toMatchObject({
      errorType: 'CONDITION_ERROR',
      elementId: 'courses',
      errorMessage: 'Expected at least one condition to evaluate to true, or to have a default flow',
    });
    expect(jobTypesOf(instance.processInstanceKey)).toEqual([]);
    await engine.zbc.setVariables({ elementInstanceKey: instance.processInstanceKey, variables: { courses: ['salad', 'pasta'] }, local: false });
    await engine.zbc.resolveIncident({ incidentKey: String(incident.key) });
    expect(jobTypesOf(instance.processInstanceKey)).toEqual(['strict-lunch-pasta', 'strict-lunch-salad']);
  });

  it('raises an incident when a condition does not evaluate to a boolean', async () => {
    await engine.zbc.deployResource({
      name: 'typed-courses.bpmn',
      process: bpmnProcess('typed-courses', [
        '<bpmn:startEvent id="start" />', '<bpmn:inclusiveGateway id="courses" />', '<bpmn:endEvent id="a" />', '<bpmn:endEvent id="b" />',
        flow('f0', 'start', 'courses'), flow('toA', 'courses', 'a', '=true'), flow('toB', 'courses', 'b', '=vegetarian'),
      ].join('\n')),
    });
    const instance = await engine.zbc.createProcessInstance({ bpmnProcessId: 'typed-courses', variables: { vegetarian: 'yes' } });
    const [incident] = incidentsOf(instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'courses' });
    expect(incident.errorMessage).toContain("to be 'BOOLEAN', but was 'STRING'");
    expect(activeElementsOf(instance.processInstanceKey)).toEqual(['typed-courses', 'courses']);
  });

  describe('a join after a path that may end elsewhere', () => {
    // a and b run in parallel; b's path reaches the join only if goOn holds, else it ends at 'elsewhere'
    beforeAll(async () => {
      await engine.zbc.deployResource({
        name: 'detour.bpmn',
        process: bpmnProcess('detour', [
          '<bpmn:startEvent id="start" />',
          '<bpmn:inclusiveGateway id="fork" />',
          serviceTask('a', 'detour-a'), serviceTask('b', 'detour-b'),
          '<bpmn:exclusiveGateway id="check" default="toElsewhere" />',
          '<bpmn:endEvent id="elsewhere" />',
          '<bpmn:inclusiveGateway id="merge" />',
          scriptTask('after', '=joined + 1', 'joined'),
          '<bpmn:endEvent id="end" />',
          flow('f0', 'start', 'fork'), flow('toA', 'fork', 'a', '=true'), flow('toB', 'fork', 'b', '=true'),
          flow('aDone', 'a', 'merge'), flow('bDone', 'b', 'check'),
          flow('goOn', 'check', 'merge', '=goOn'), flow('toElsewhere', 'check', 'elsewhere'),
          flow('toAfter', 'merge', 'after'), flow('toEnd', 'after', 'end'),
        ].join('\n')),
      });
    });

    const start = () => engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'detour', variables: { joined: 0 }, requestTimeout: 10000 });

    it('waits while the other path can still reach it, and activates once that path ended elsewhere', async () => {
      const result = start();
      await completeJob('detour-a');
      const waiting = await eventually(() => [...state().elementInstances.values()].find((e) => e.elementId === 'b'));
      expect(activeElementsOf(String(waiting.processInstanceKey))).not.toContain('after');
      await completeJob('detour-b', { goOn: false });
      expect((await result).variables).toEqual({ joined: 1, goOn: false });
    });

    it('activates at once when the other path already ended elsewhere', async () => {
      const result = start();
      await completeJob('detour-b', { goOn: false });
      await completeJob('detour-a');
      expect((await result).variables.joined).toBe(1);
    });

    it('joins both paths into one activation when both arrive', async () => {
      const result = start();
      await completeJob('detour-b', { goOn: true });
      await completeJob('detour-a');
      expect((await result).variables).toEqual({ joined: 1, goOn: true });
    });
  });

  it('forks and joins inside a sub-process, which then completes', async () => {
    await engine.zbc.deployResource({
      name: 'nested.bpmn',
      process: bpmnProcess('nested', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:subProcess id="sub">',
        '<bpmn:startEvent id="subStart" />',
        '<bpmn:inclusiveGateway id="fork" />',
        serviceTask('check', 'nested-check'),
        scriptTask('fee', '=120', 'fee'),
        scriptTask('discount', '=0.5', 'discount'),
        '<bpmn:inclusiveGateway id="join" />',
        '<bpmn:endEvent id="subEnd" />',
        flow('s0', 'subStart', 'fork'),
        flow('toCheck', 'fork', 'check', '=dangerous'), flow('toFee', 'fork', 'fee', '=true'), flow('toDiscount', 'fork', 'discount', '=reduced'),
        flow('s1', 'check', 'join'), flow('s2', 'fee', 'join'), flow('s3', 'discount', 'join'), flow('s4', 'join', 'subEnd'),
        '</bpmn:subProcess>',
        scriptTask('total', '=fee * discount', 'total'),
        '<bpmn:endEvent id="end" />',
        flow('f0', 'start', 'sub'), flow('f1', 'sub', 'total'), flow('f2', 'total', 'end'),
      ].join('\n')),
    });
    const result = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'nested', variables: { dangerous: true, reduced: true }, requestTimeout: 10000 });
    const waiting = await eventually(() => [...state().elementInstances.values()].find((e) => e.elementId === 'check'));
    expect(activeElementsOf(String(waiting.processInstanceKey))).toEqual(expect.arrayContaining(['sub', 'check']));
    expect(activeElementsOf(String(waiting.processInstanceKey))).not.toContain('total');
    await completeJob('nested-check', { checked: true });
    expect((await result).variables).toEqual({ dangerous: true, reduced: true, checked: true, fee: 120, discount: 0.5, total: 60 });
  });

  it('keeps the tokens waiting at an inclusive join across a restart', async () => {
    const first = await startTestEngine();
    await first.zbc.deployResource({ name: 'lunch.bpmn', process: lunch('durable-lunch', { withDefault: true }) });
    const instance = await first.zbc.createProcessInstance({ bpmnProcessId: 'durable-lunch', variables: { courses: ['pasta', 'steak'], cleared: 0 } });
    const [pasta] = await first.zbc.activateJobs({ type: 'durable-lunch-pasta', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
    await first.zbc.completeJob({ jobKey: pasta.key, variables: {} });
    await first.stop();
    const second = await startTestEngine(first.dataDir);
    try {
      const waiting = second.running.engine.state.elementInstances.get(Number(instance.processInstanceKey));
      expect(waiting?.waitingTokens).toBe(1);
      const [steak] = await second.zbc.activateJobs({ type: 'durable-lunch-steak', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
      await second.zbc.completeJob({ jobKey: steak.key, variables: {} });
      await eventually(() => !second.running.engine.state.elementInstances.has(Number(instance.processInstanceKey)));
    } finally {
      await second.stop();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
