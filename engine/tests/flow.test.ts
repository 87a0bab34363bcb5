import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, flow, serviceTask, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

const run = (bpmnProcessId: string, variables: Record<string, string | number>) =>
  engine.zbc.createProcessInstanceWithResult({ bpmnProcessId, variables, requestTimeout: 10000 });

describe('gateways, scripts and sub-processes', () => {
  it('routes by the first true condition of an exclusive gateway and falls back to its default flow', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      '<bpmn:exclusiveGateway id="route" default="toOther" />',
      '<bpmn:scriptTask id="dangerous"><bpmn:extensionElements><zeebe:script expression="=&quot;Ordnungsamt&quot;" resultVariable="department" /></bpmn:extensionElements></bpmn:scriptTask>',
      '<bpmn:scriptTask id="other"><bpmn:extensionElements><zeebe:script expression="=&quot;Kämmerei&quot;" resultVariable="department" /></bpmn:extensionElements></bpmn:scriptTask>',
      '<bpmn:endEvent id="end1" /><bpmn:endEvent id="end2" />',
      flow('f0', 'start', 'route'),
      flow('toDangerous', 'route', 'dangerous', '=breed = "Pitbull" or weight &gt;= 20'),
      flow('toOther', 'route', 'other'),
      flow('f3', 'dangerous', 'end1'),
      flow('f4', 'other', 'end2'),
    ].join('\n');
    await engine.zbc.deployResource({ name: 'dog.bpmn', process: bpmnProcess('dog', body) });
    expect((await run('dog', { breed: 'Pitbull', weight: 12 })).variables.department).toBe('Ordnungsamt');
    expect((await run('dog', { breed: 'Dackel', weight: 9 })).variables.department).toBe('Kämmerei');
  });

  it('forks at a parallel gateway and joins once every branch arrived', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      '<bpmn:parallelGateway id="fork" />',
      serviceTask('ordnungsamt', 'check-ordnungsamt'),
      serviceTask('kaemmerei', 'check-kaemmerei'),
      '<bpmn:parallelGateway id="join" />',
      '<bpmn:scriptTask id="after"><bpmn:extensionElements><zeebe:script expression="=a and b" resultVariable="both" /></bpmn:extensionElements></bpmn:scriptTask>',
      '<bpmn:endEvent id="end" />',
      flow('f0', 'start', 'fork'), flow('f1', 'fork', 'ordnungsamt'), flow('f2', 'fork', 'kaemmerei'),
      flow('f3', 'ordnungsamt', 'join'), flow('f4', 'kaemmerei', 'join'), flow('f5', 'join', 'after'), flow('f6', 'after', 'end'),
    ].join('\n');
    await engine.zbc.deployResource({ name: 'parallel.bpmn', process: bpmnProcess('parallel', body) });
    const result = run('parallel', {});
    const [first] = await engine.zbc.activateJobs({ type: 'check-ordnungsamt', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
    const [second] = await engine.zbc.activateJobs({ type: 'check-kaemmerei', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
    await engine.zbc.completeJob({ jobKey: first.key, variables: { a: true } });
    const afterFirst = [...engine.running.engine.state.elementInstances.values()].filter((e) => e.elementId === 'after');
    expect(afterFirst).toEqual([]);
    await engine.zbc.completeJob({ jobKey: second.key, variables: { b: true } });
    expect((await result).variables).toEqual({ a: true, b: true, both: true });
  });

  it('runs an embedded sub-process and continues after it completes', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      '<bpmn:subProcess id="sub">',
      '<bpmn:startEvent id="subStart" />',
      '<bpmn:scriptTask id="calc"><bpmn:extensionElements><zeebe:script expression="=amount * 1.19" resultVariable="gross" /></bpmn:extensionElements></bpmn:scriptTask>',
      '<bpmn:endEvent id="subEnd" />',
      flow('s1', 'subStart', 'calc'), flow('s2', 'calc', 'subEnd'),
      '</bpmn:subProcess>',
      '<bpmn:manualTask id="manual" />',
      '<bpmn:task id="undefinedTask" />',
      '<bpmn:intermediateThrowEvent id="milestone" />',
      '<bpmn:endEvent id="end" />',
      flow('f0', 'start', 'sub'), flow('f1', 'sub', 'manual'), flow('f2', 'manual', 'undefinedTask'),
      flow('f3', 'undefinedTask', 'milestone'), flow('f4', 'milestone', 'end'),
    ].join('\n');
    await engine.zbc.deployResource({ name: 'sub.bpmn', process: bpmnProcess('with-sub', body) });
    expect((await run('with-sub', { amount: 100 })).variables).toEqual({ amount: 100, gross: 119 });
  });

  it('raises an incident for a script whose result has the wrong type for a gateway condition', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      '<bpmn:exclusiveGateway id="route" />',
      '<bpmn:endEvent id="yes" /><bpmn:endEvent id="no" />',
      flow('f0', 'start', 'route'), flow('f1', 'route', 'yes', '=flag'), flow('f2', 'route', 'no', '=not(flag)'),
    ].join('\n');
    await engine.zbc.deployResource({ name: 'typed.bpmn', process: bpmnProcess('typed', body) });
    const instance = await engine.zbc.createProcessInstance({ bpmnProcessId: 'typed', variables: { flag: 'yes' } });
    const incidents = [...engine.running.engine.state.incidents.values()].filter((i) => String(i.processInstanceKey) === instance.processInstanceKey);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].errorMessage).toContain("to be 'BOOLEAN', but was 'STRING'");
  });

  it('stops a loop that never reaches a wait state with an incident, and the instance can still be cancelled', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      '<bpmn:exclusiveGateway id="merge" />',
      '<bpmn:scriptTask id="count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>',
      '<bpmn:exclusiveGateway id="again" default="back" />',
      '<bpmn:endEvent id="end" />',
      flow('f0', 'start', 'merge'), flow('f1', 'merge', 'count'), flow('f2', 'count', 'again'),
      flow('done', 'again', 'end', '=n &lt; 0'), flow('back', 'again', 'merge'),
    ].join('\n');
    await engine.zbc.deployResource({ name: 'loop.bpmn', process: bpmnProcess('endless', body) });
    const instance = await engine.zbc.createProcessInstance({ bpmnProcessId: 'endless', variables: { n: 0 } });
    const incidents = [...engine.running.engine.state.incidents.values()].filter((i) => String(i.processInstanceKey) === instance.processInstanceKey);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].errorMessage).toContain('without reaching a wait state');
    await engine.zbc.cancelProcessInstance(instance.processInstanceKey);
    expect(engine.running.engine.state.elementInstances.has(Number(instance.processInstanceKey))).toBe(false);
  }, 60_000);
});
