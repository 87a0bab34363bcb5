import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, flow, sequence, serviceTask, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

const io = (inputs: [string, string][], outputs: [string, string][]) =>
  `<zeebe:ioMapping>${inputs.map(([s, t]) => `<zeebe:input source="${s}" target="${t}" />`).join('')}${outputs.map(([s, t]) => `<zeebe:output source="${s}" target="${t}" />`).join('')}</zeebe:ioMapping>`;

async function runOneJob(type: string, variables: Record<string, unknown>) {
  const [job] = await engine.zbc.activateJobs({ type, worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
  await engine.zbc.completeJob({ jobKey: job.key, variables });
  return job;
}

describe('variables, scopes and mappings', () => {
  it('maps inputs into the task scope and outputs back to the process, leaving task-local variables behind', async () => {
    const { zbc } = engine;
    const mapping = io([['=owner.name', 'holder'], ['=amount * 2', 'doubled']], [['=receipt', 'receiptNumber']]);
    await zbc.deployResource({ name: 'io.bpmn', process: bpmnProcess('io', sequence({ id: 't', xml: serviceTask('t', 'mapped', mapping) })) });
    const result = zbc.createProcessInstanceWithResult({ bpmnProcessId: 'io', variables: { owner: { name: 'Frau Schmitz' }, amount: 21 }, requestTimeout: 10000 });
    const job = await runOneJob('mapped', { receipt: 'R-1', scratch: 'only for the task' });
    expect(job.variables).toMatchObject({ holder: 'Frau Schmitz', doubled: 42, amount: 21 });
    expect((await result).variables).toEqual({ owner: { name: 'Frau Schmitz' }, amount: 21, receiptNumber: 'R-1' });
  });

  it('writes an output mapping into a nested path of an existing variable', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'nested.bpmn', process: bpmnProcess('nested', sequence({ id: 't', xml: serviceTask('t', 'nested-out', io([], [['=status', 'dog.status']])) })) });
    const result = zbc.createProcessInstanceWithResult({ bpmnProcessId: 'nested', variables: { dog: { name: 'Bello' } }, requestTimeout: 10000 });
    await runOneJob('nested-out', { status: 'registered' });
    expect((await result).variables.dog).toEqual({ name: 'Bello', status: 'registered' });
  });

  it('propagates job variables to the process unless a sub-process already holds the name', async () => {
    const { zbc } = engine;
    const inner = sequence({ id: 'inner', xml: serviceTask('inner', 'in-sub') }).replace(/id="(start|end|f\d)"/g, 'id="sub_$1"').replace(/(sourceRef|targetRef)="(start|end)"/g, '$1="sub_$2"');
    const body = [
      '<bpmn:startEvent id="start" />',
      `<bpmn:subProcess id="sub"><bpmn:extensionElements>${io([['=&quot;local&quot;', 'local']], [])}</bpmn:extensionElements>${inner}</bpmn:subProcess>`,
      '<bpmn:endEvent id="end" />',
      flow('a', 'start', 'sub'),
      flow('b', 'sub', 'end'),
    ].join('\n');
    await zbc.deployResource({ name: 'scopes.bpmn', process: bpmnProcess('scopes', body) });
    const result = zbc.createProcessInstanceWithResult({ bpmnProcessId: 'scopes', variables: {}, requestTimeout: 10000 });
    await runOneJob('in-sub', { local: 'changed in the sub-process', global: 'reaches the process' });
    expect((await result).variables).toEqual({ global: 'reaches the process' });
  });

  it('sets variables locally on a scope or propagates them to where they live', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'setvars.bpmn', process: bpmnProcess('setvars', sequence({ id: 't', xml: serviceTask('t', 'setvars-job') })) });
    const result = zbc.createProcessInstanceWithResult({ bpmnProcessId: 'setvars', variables: { status: 'new' }, requestTimeout: 10000 });
    const [job] = await zbc.activateJobs({ type: 'setvars-job', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
    await zbc.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { status: 'checked' }, local: false });
    await zbc.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { note: 'task only' }, local: true });
    await zbc.completeJob({ jobKey: job.key, variables: {} });
    expect((await result).variables).toEqual({ status: 'checked' });
  });

  it('rejects SetVariables for an unknown element instance with NOT_FOUND', async () => {
    await expect(engine.zbc.setVariables({ elementInstanceKey: '2251799813999990', variables: { a: 1 }, local: true }))
      .rejects.toMatchObject({ code: 5 });
  });

  it('raises an incident when an input mapping fails (FEEL assert) and runs on once the data is there', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'badmap.bpmn', process: bpmnProcess('badmap', sequence({ id: 't', xml: serviceTask('t', 'badmap-job', io([['=assert(items, items != null)', 'n']], [])) })) });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'badmap', variables: {} });
    const [incident] = [...engine.running.engine.state.incidents.values()].filter((i) => String(i.processInstanceKey) === instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 't' });
    await zbc.setVariables({ elementInstanceKey: instance.processInstanceKey, variables: { items: [1, 2, 3] }, local: false });
    await zbc.resolveIncident({ incidentKey: String(incident.key) });
    const job = await runOneJob('badmap-job', {});
    expect(job.variables).toMatchObject({ n: [1, 2, 3] });
  });
});
