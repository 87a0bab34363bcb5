import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActivateInstruction } from 'zeebe-node';
import { bpmnProcess, flow, sequence, serviceTask, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;

const INPUT_GREETING = '<zeebe:ioMapping><zeebe:input source="=greeting" target="seenGreeting" /></zeebe:ioMapping>';

beforeAll(async () => {
  engine = await startTestEngine();
  const tasks = sequence({ id: 'a', xml: serviceTask('a', 'mod-a') }, { id: 'b', xml: serviceTask('b', 'mod-b') });
  const withSub = [
    '<bpmn:startEvent id="start" />',
    serviceTask('a', 'mod-sa'),
    '<bpmn:subProcess id="sub">',
    '<bpmn:startEvent id="subStart" />',
    serviceTask('c', 'mod-sc'),
    serviceTask('d', 'mod-sd', INPUT_GREETING),
    '<bpmn:endEvent id="subEnd" />',
    flow('s1', 'subStart', 'c'), flow('s2', 'c', 'd'), flow('s3', 'd', 'subEnd'),
    '</bpmn:subProcess>',
    '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'a'), flow('f2', 'a', 'sub'), flow('f3', 'sub', 'end'),
  ].join('\n');
  const parallel = [
    '<bpmn:startEvent id="start" />',
    '<bpmn:parallelGateway id="fork" />',
    serviceTask('x', 'mod-x'), serviceTask('y', 'mod-y'),
    '<bpmn:parallelGateway id="join" />',
    serviceTask('z', 'mod-z'),
    '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'fork'), flow('f2', 'fork', 'x'), flow('f3', 'fork', 'y'),
    flow('f4', 'x', 'join'), flow('f5', 'y', 'join'), flow('f6', 'join', 'z'), flow('f7', 'z', 'end'),
  ].join('\n');
  await engine.zbc.deployResource({ name: 'mod-tasks.bpmn', process: bpmnProcess('mod-tasks', tasks) });
  await engine.zbc.deployResource({ name: 'mod-sub.bpmn', process: bpmnProcess('mod-sub', withSub) });
  await engine.zbc.deployResource({ name: 'mod-parallel.bpmn', process: bpmnProcess('mod-parallel', parallel) });
});
afterAll(async () => engine.destroy());

const state = () => engine.running.engine.state;
const elementsOf = (processInstanceKey: string) =>
  [...state().elementInstances.values()].filter((e) => String(e.processInstanceKey) === processInstanceKey);
const activeIds = (processInstanceKey: string) => elementsOf(processInstanceKey).map((e) => e.elementId).sort();
const instanceOf = (processInstanceKey: string, elementId: string) => {
  const found = elementsOf(processInstanceKey).filter((e) => e.elementId === elementId);
  expect(found).toHaveLength(1);
  return found[0];
};
const jobTypes = (processInstanceKey: string) =>
  [...state().jobs.values()].filter((j) => String(j.processInstanceKey) === processInstanceKey).map((j) => j.type).sort();
const localVariables = (scopeKey: number) => Object.fromEntries([...(state().variables.get(scopeKey) ?? [])].map(([name, v]) => [name, v.value]));

const activate = (elementId: string, extra: Partial<ActivateInstruction> = {}): ActivateInstruction =>
  ({ elementId, ancestorElementInstanceKey: '-1', variableInstructions: [], ...extra });
const terminate = (key: number | string) => ({ elementInstanceKey: String(key) });
const start = async (bpmnProcessId: string) =>
  (await engine.zbc.createProcessInstance({ bpmnProcessId, variables: {} })).processInstanceKey;

async function completeJobOf(type: string): Promise<void> {
  const [job] = await engine.zbc.activateJobs({ type, worker: 'modifier', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
  await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
}

describe('ModifyProcessInstance', () => {
  it('activates a task beside the waiting one, and creates its job', async () => {
    const pi = await start('mod-tasks');
    await engine.zbc.modifyProcessInstance({ processInstanceKey: pi, activateInstructions: [activate('b')] });
    expect(activeIds(pi)).toEqual(['a', 'b', 'mod-tasks']);
    expect(jobTypes(pi)).toEqual(['mod-a', 'mod-b']);
    await engine.zbc.cancelProcessInstance(pi);
  });

  it('moves the token: terminates the waiting task, activates the next one, and the instance completes from there', async () => {
    const pi = await start('mod-tasks');
    const a = instanceOf(pi, 'a');
    await engine.zbc.modifyProcessInstance({ processInstanceKey: pi, activateInstructions: [activate('b')], terminateInstructions: [terminate(a.key)] });
    expect(activeIds(pi)).toEqual(['b', 'mod-tasks']);
    expect(jobTypes(pi)).toEqual(['mod-b']);
    await completeJobOf('mod-b');
    expect(elementsOf(pi)).toEqual([]);
  });

  it('terminates the process instance when the terminated task was the last active element', async () => {
    const pi = await start('mod-tasks');
    await engine.zbc.modifyProcessInstance({ processInstanceKey: pi, terminateInstructions: [terminate(instanceOf(pi, 'a').key)] });
    expect(elementsOf(pi)).toEqual([]);
    expect(jobTypes(pi)).toEqual([]);
  });

  it('creates the sub-process around an activated element without entering its start event', async () => {
    const pi = await start('mod-sub');
    await engine.zbc.modifyProcessInstance({
      processInstanceKey: pi,
      activateInstructions: [activate('d')],
      terminateInstructions: [terminate(instanceOf(pi, 'a').key)],
    });
    expect(activeIds(pi)).toEqual(['d', 'mod-sub', 'sub']);
    expect(instanceOf(pi, 'd').flowScopeKey).toBe(instanceOf(pi, 'sub').key);
    await completeJobOf('mod-sd');
    expect(elementsOf(pi)).toEqual([]);
  });

  it('activates inside the one existing sub-process instance', async () => {
    const pi = await start('mod-sub');
    await completeJobOf('mod-sa');
    const sub = instanceOf(pi, 'sub');
    await engine.zbc.modifyProcessInstance({ processInstanceKey: pi, activateInstructions: [activate('d')] });
    expect(activeIds(pi)).toEqual(['c', 'd', 'mod-sub', 'sub']);
    expect(instanceOf(pi, 'd').flowScopeKey).toBe(sub.key);
    await engine.zbc.cancelProcessInstance(pi);
  });

  it('needs an ancestor when the sub-process has two instances, and activates in the one it names', async () => {
    const pi = await start('mod-sub');
    await engine.zbc.modifyProcessInstance({ processInstanceKey: pi, activateInstructions: [activate('sub'), activate('sub')] });
    const subs = elementsOf(pi).filter((e) => e.elementId === 'sub');
    expect(subs).toHaveLength(2);
    await expect(engine.zbc.modifyProcessInstance({ processInstanceKey: pi, activateInstructions: [activate('d')] })).rejects.toMatchObject({
      code: 3,
      details: "Command 'MODIFY' rejected with code 'INVALID_ARGUMENT': Expected to modify instance of process 'mod-sub' but it contains one or more activate instructions for an element that has a flow scope with more than one active instance: 'sub'. Can't decide in which instance of the flow scope the element should be activated. Please specify an ancestor element instance key for this activate instruction.",
    });
    await engine.zbc.modifyProcessInstance({ processInstanceKey: pi, activateInstructions: [activate('d', { ancestorElementInstanceKey: String(subs[1].key) })] });
    expect(instanceOf(pi, 'd').flowScopeKey).toBe(subs[1].key);
    await engine.zbc.cancelProcessInstance(pi);
  });

  it('creates a new sub-process instance when the process instance is named as the ancestor', async () => {
    const pi = await start('mod-sub');
    await completeJobOf('mod-sa');
    const existing = instanceOf(pi, 'sub');
    await engine.zbc.modifyProcessInstance({ processInstanceKey: pi, activateInstructions: [activate('d', { ancestorElementInstanceKey: pi })] });
    const subs = elementsOf(pi).filter((e) => e.elementId === 'sub');
    expect(subs).toHaveLength(2);
    expect(instanceOf(pi, 'd').flowScopeKey).not.toBe(existing.key);
    await engine.zbc.cancelProcessInstance(pi);
  });

  it('writes variable instructions into the process instance, the sub-process or the element, before input mappings run', async () => {
    const pi = await start('mod-sub');
    await engine.zbc.modifyProcessInstance({
      processInstanceKey: pi,
      activateInstructions: [activate('d', {
        variableInstructions: [
          { scopeId: '', variables: { aktenzeichen: 'AZ-17' } },
          { scopeId: 'sub', variables: { greeting: 'Moin' } },
          { scopeId: 'd', variables: { onlyHere: true } },
        ],
      })],
    });
    const d = instanceOf(pi, 'd');
    expect(localVariables(Number(pi))).toEqual({ aktenzeichen: 'AZ-17' });
    expect(localVariables(instanceOf(pi, 'sub').key)).toEqual({ greeting: 'Moin' });
    expect(localVariables(d.key)).toEqual({ onlyHere: true, seenGreeting: 'Moin' });
    await engine.zbc.cancelProcessInstance(pi);
  });

  it('terminates a sub-process left empty, while the process instance goes on with its other element', async () => {
    const pi = await start('mod-sub');
    await completeJobOf('mod-sa');
    await engine.zbc.modifyProcessInstance({
      processInstanceKey: pi,
      activateInstructions: [activate('a')],
      terminateInstructions: [terminate(instanceOf(pi, 'c').key)],
    });
    expect(activeIds(pi)).toEqual(['a', 'mod-sub']);
    await engine.zbc.cancelProcessInstance(pi);
  });

  it('moves a token inside a sub-process, which stays', async () => {
    const pi = await start('mod-sub');
    await completeJobOf('mod-sa');
    const sub = instanceOf(pi, 'sub');
    await engine.zbc.modifyProcessInstance({
      processInstanceKey: pi,
      activateInstructions: [activate('d')],
      terminateInstructions: [terminate(instanceOf(pi, 'c').key)],
    });
    expect(activeIds(pi)).toEqual(['d', 'mod-sub', 'sub']);
    expect(instanceOf(pi, 'sub').key).toBe(sub.key);
    await engine.zbc.cancelProcessInstance(pi);
  });

  it('terminates a sub-process with everything inside it', async () => {
    const pi = await start('mod-sub');
    await completeJobOf('mod-sa');
    await engine.zbc.modifyProcessInstance({ processInstanceKey: pi, activateInstructions: [activate('d')] });
    await engine.zbc.modifyProcessInstance({ processInstanceKey: pi, terminateInstructions: [terminate(instanceOf(pi, 'sub').key)] });
    expect(elementsOf(pi)).toEqual([]);
    expect(jobTypes(pi)).toEqual([]);
  });

  it('activates a parallel join directly, which forks on without waiting for its incoming tokens', async () => {
    const pi = await start('mod-parallel');
    await engine.zbc.modifyProcessInstance({ processInstanceKey: pi, activateInstructions: [activate('join')] });
    expect(activeIds(pi)).toEqual(['mod-parallel', 'x', 'y', 'z']);
    await engine.zbc.cancelProcessInstance(pi);
  });

  describe('rejections', () => {
    let pi: string;
    beforeAll(async () => {
      pi = await start('mod-sub');
    });
    const prefix = "Command 'MODIFY' rejected with code 'INVALID_ARGUMENT': Expected to modify instance of process 'mod-sub' but it contains one or more";
    const rejected = (request: { activateInstructions?: ActivateInstruction[]; terminateInstructions?: { elementInstanceKey: string }[] }) =>
      engine.zbc.modifyProcessInstance({ processInstanceKey: pi, ...request });

    it('NOT_FOUND for an unknown process instance', async () => {
      await expect(engine.zbc.modifyProcessInstance({ processInstanceKey: '2251799813999123', activateInstructions: [activate('a')] })).rejects.toMatchObject({
        code: 5,
        details: "Command 'MODIFY' rejected with code 'NOT_FOUND': Expected to modify process instance but no process instance found with key '2251799813999123'",
      });
    });

    it('INVALID_ARGUMENT for elements the process does not have', async () => {
      await expect(rejected({ activateInstructions: [activate('a'), activate('nope'), activate('ghost')] })).rejects.toMatchObject({
        code: 3,
        details: `${prefix} activate instructions with an element that could not be found: 'nope', 'ghost'`,
      });
    });

    it.each([
      ['a start event', 'subStart', 'START_EVENT'],
      ['the process itself', 'mod-sub', 'PROCESS'],
      ['a sequence flow', 'f2', 'SEQUENCE_FLOW'],
    ])('INVALID_ARGUMENT for activating %s', async (_what, elementId, type) => {
      await expect(rejected({ activateInstructions: [activate(elementId)] })).rejects.toMatchObject({
        code: 3,
        details: expect.stringContaining(`${prefix} activate instructions for elements that are unsupported: '${elementId}'. The activation of elements with type '${type}' is not supported. Supported element types are: [SUB_PROCESS, `),
      });
    });

    it('INVALID_ARGUMENT for terminating an element instance that does not exist', async () => {
      await expect(rejected({ terminateInstructions: [terminate(instanceOf(pi, 'a').key), terminate('2251799813999124')] })).rejects.toMatchObject({
        code: 3,
        details: `${prefix} terminate instructions with an element instance that could not be found: '2251799813999124'`,
      });
    });

    it('INVALID_ARGUMENT for a variable scope the process does not have, or that is not a flow scope of the element', async () => {
      await expect(rejected({ activateInstructions: [activate('d', { variableInstructions: [{ scopeId: 'elsewhere', variables: {} }] })] })).rejects.toMatchObject({
        code: 3,
        details: `${prefix} variable instructions with a scope element id that could not be found: 'elsewhere'`,
      });
      await expect(rejected({ activateInstructions: [activate('d', { variableInstructions: [{ scopeId: 'a', variables: { x: 1 } }] })] })).rejects.toMatchObject({
        code: 3,
        details: `${prefix} variable instructions with a scope element that doesn't belong to the activating element's flow scope. These variables should be set before or after the modification.`,
      });
    });

    it('INVALID_ARGUMENT for variables that are not a JSON object', async () => {
      await expect(rejected({ activateInstructions: [activate('a', { variableInstructions: [{ scopeId: '', variables: [1, 2] as never }] })] }))
        .rejects.toMatchObject({ code: 3, details: expect.stringContaining("Expected document to be a root level object, but was 'ARRAY'") });
    });

    it('INVALID_ARGUMENT for an ancestor that does not exist, belongs to another instance, or is not an ancestor', async () => {
      await expect(rejected({ activateInstructions: [activate('d', { ancestorElementInstanceKey: '2251799813999125' })] })).rejects.toMatchObject({
        code: 3,
        details: `${prefix} activate instructions with an ancestor scope key that does not exist, or is not in an active state: '2251799813999125'`,
      });
      const other = await start('mod-sub');
      await expect(rejected({ activateInstructions: [activate('d', { ancestorElementInstanceKey: other })] })).rejects.toMatchObject({
        code: 3,
        details: `${prefix} activate instructions with an ancestor scope key that does not belong to the modified process instance: '${other}'`,
      });
      await engine.zbc.cancelProcessInstance(other);
      const a = instanceOf(pi, 'a');
      await expect(rejected({ activateInstructions: [activate('d', { ancestorElementInstanceKey: String(a.key) })] })).rejects.toMatchObject({
        code: 3,
        details: `${prefix} activate instructions with an ancestor scope key that is not an ancestor of the element to activate:\n- instance '${a.key}' of element 'a' is not an ancestor of element 'd'`,
      });
    });

    it('INVALID_ARGUMENT for activating in a flow scope instance the same command terminates', async () => {
      await expect(rejected({ activateInstructions: [activate('d')], terminateInstructions: [terminate(pi)] })).rejects.toMatchObject({
        code: 3,
        details: `${prefix} activate instructions for elements whose required flow scope instance is also being terminated: element 'd' requires flow scope instance '${pi}' which is being terminated. Please provide a valid ancestor scope key for the activation or avoid terminating the required flow scope.`,
      });
    });

    it('changes nothing when any instruction is rejected', async () => {
      const before = activeIds(pi);
      await expect(rejected({ activateInstructions: [activate('d')], terminateInstructions: [terminate(instanceOf(pi, 'a').key), terminate('2251799813999126')] }))
        .rejects.toMatchObject({ code: 3 });
      expect(activeIds(pi)).toEqual(before);
      expect(before).toEqual(['a', 'mod-sub']);
    });
  });
});
