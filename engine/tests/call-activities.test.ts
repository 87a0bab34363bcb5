import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { JSONDoc } from 'zeebe-node';
import { bpmnProcess, eventually, flow, sequence, serviceTask, startTestEngine, type TestEngine } from './harness.js';
import { boundaryEvent, error, errorDefinition } from './event-xml.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

interface Call {
  processId: string;
  propagateAllChildVariables?: boolean;
  propagateAllParentVariables?: boolean;
  inputs?: [string, string][];
  outputs?: [string, string][];
  loop?: string;
}

function callActivity(id: string, call: Call): { id: string; xml: string } {
  const flags = (['propagateAllChildVariables', 'propagateAllParentVariables'] as const)
    .filter((name) => call[name] !== undefined)
    .map((name) => ` ${name}="${call[name]}"`)
    .join('');
  const inputs = (call.inputs ?? []).map(([s, t]) => `<zeebe:input source="${s}" target="${t}" />`).join('');
  const outputs = (call.outputs ?? []).map(([s, t]) => `<zeebe:output source="${s}" target="${t}" />`).join('');
  const mapping = inputs + outputs === '' ? '' : `<zeebe:ioMapping>${inputs}${outputs}</zeebe:ioMapping>`;
  return {
    id,
    xml: `<bpmn:callActivity id="${id}"><bpmn:extensionElements><zeebe:calledElement processId="${call.processId}"${flags} />${mapping}</bpmn:extensionElements>${call.loop ?? ''}</bpmn:callActivity>`,
  };
}

async function deploy(id: string, ...elements: { id: string; xml: string }[]): Promise<void> {
  await engine.zbc.deployResource({ name: `${id}.bpmn`, process: bpmnProcess(id, sequence(...elements)) });
}

/** A called process with one service task of the given job type. */
const deployChild = (id: string, type: string) => deploy(id, { id: 'work', xml: serviceTask('work', type) });

const runWithResult = (bpmnProcessId: string, variables: JSONDoc) =>
  engine.zbc.createProcessInstanceWithResult({ bpmnProcessId, variables, requestTimeout: 10000 });

async function activateOne(type: string) {
  const jobs = await engine.zbc.activateJobs({ type, worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
  expect(jobs).toHaveLength(1);
  return jobs[0];
}

const state = () => engine.running.engine.state;
const incidentsOf = (processInstanceKey: string | number) =>
  [...state().incidents.values()].filter((i) => String(i.processInstanceKey) === String(processInstanceKey));

describe('call activities', () => {
  it('starts the latest version of the called process as a child instance and goes on once it completes', async () => {
    await deployChild('latest-child', 'latest-child-v1');
    await deployChild('latest-child', 'latest-child-v2');
    await deploy('latest-parent', callActivity('call', { processId: 'latest-child' }), { id: 'after', xml: serviceTask('after', 'latest-after') });
    const parent = await engine.zbc.createProcessInstance({ bpmnProcessId: 'latest-parent', variables: { antrag: 'A-1' } });
    const job = await activateOne('latest-child-v2');
    expect(job.bpmnProcessId).toBe('latest-child');
    expect(job.processDefinitionVersion).toBe(2);
    expect(job.processInstanceKey).not.toBe(parent.processInstanceKey);
    expect(job.variables).toEqual({ antrag: 'A-1' });
    const child = state().elementInstances.get(Number(job.processInstanceKey))!;
    const call = state().elementInstances.get(child.parentElementInstanceKey!)!;
    expect(call).toMatchObject({ elementId: 'call', calledProcessInstanceKey: child.key });
    expect(String(child.parentProcessInstanceKey)).toBe(parent.processInstanceKey);
    await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    const after = await activateOne('latest-after');
    expect(after.processInstanceKey).toBe(parent.processInstanceKey);
  });

  it('takes the called process id from a FEEL expression', async () => {
    await deployChild('amt-ordnungsamt', 'feel-id-ordnungsamt');
    await deploy('feel-id-parent', callActivity('call', { processId: '=&quot;amt-&quot; + amt' }));
    const result = runWithResult('feel-id-parent', { amt: 'ordnungsamt' });
    const job = await activateOne('feel-id-ordnungsamt');
    await engine.zbc.completeJob({ jobKey: job.key, variables: { erledigt: true } });
    expect((await result).variables).toEqual({ amt: 'ordnungsamt', erledigt: true });
  });

  it('propagates every variable of the child by default, or with output mappings only the mapped ones', async () => {
    await deployChild('all-vars-child', 'all-vars-work');
    await deploy('all-vars-parent', callActivity('call', { processId: 'all-vars-child' }));
    await deploy('mapped-vars-parent', callActivity('call', { processId: 'all-vars-child', outputs: [['=bescheid.nummer', 'bescheidNummer']] }));
    const all = runWithResult('all-vars-parent', {});
    await engine.zbc.completeJob({ jobKey: (await activateOne('all-vars-work')).key, variables: { bescheid: { nummer: 'B-7' }, intern: 1 } });
    expect((await all).variables).toEqual({ bescheid: { nummer: 'B-7' }, intern: 1 });
    const mapped = runWithResult('mapped-vars-parent', {});
    await engine.zbc.completeJob({ jobKey: (await activateOne('all-vars-work')).key, variables: { bescheid: { nummer: 'B-8' }, intern: 1 } });
    expect((await mapped).variables).toEqual({ bescheidNummer: 'B-8' });
  });

  it('propagates no child variables with propagateAllChildVariables off, except through output mappings', async () => {
    await deployChild('no-vars-child', 'no-vars-work');
    await deploy('no-vars-parent', callActivity('call', { processId: 'no-vars-child', propagateAllChildVariables: false }));
    await deploy('no-vars-mapped-parent', callActivity('call', {
      processId: 'no-vars-child', propagateAllChildVariables: false, outputs: [['=gebuehr', 'gebuehr']],
    }));
    const none = runWithResult('no-vars-parent', { fall: 1 });
    await engine.zbc.completeJob({ jobKey: (await activateOne('no-vars-work')).key, variables: { gebuehr: 120, intern: 1 } });
    expect((await none).variables).toEqual({ fall: 1 });
    const mapped = runWithResult('no-vars-mapped-parent', { fall: 2 });
    await engine.zbc.completeJob({ jobKey: (await activateOne('no-vars-work')).key, variables: { gebuehr: 80, intern: 1 } });
    expect((await mapped).variables).toEqual({ fall: 2, gebuehr: 80 });
  });

  it('copies the input mappings into the child, and with propagateAllParentVariables off only those', async () => {
    await deployChild('inputs-child', 'inputs-work');
    const inputs: [string, string][] = [['=antrag.halter', 'halter']];
    await deploy('inputs-all-parent', callActivity('call', { processId: 'inputs-child', inputs }));
    await deploy('inputs-only-parent', callActivity('call', { processId: 'inputs-child', inputs, propagateAllParentVariables: false }));
    const variables = { antrag: { halter: 'Frau Schmitz', hund: 'Bello' }, aktenzeichen: 'AZ-3' };
    await engine.zbc.createProcessInstance({ bpmnProcessId: 'inputs-all-parent', variables });
    expect((await activateOne('inputs-work')).variables).toEqual({ ...variables, halter: 'Frau Schmitz' });
    await engine.zbc.createProcessInstance({ bpmnProcessId: 'inputs-only-parent', variables });
    expect((await activateOne('inputs-work')).variables).toEqual({ halter: 'Frau Schmitz' });
  });

  it('raises an incident of a failing job in the child instance, not in the parent', async () => {
    await deploy('failing-child', { id: 'work', xml: serviceTask('work', 'failing-child-work', '', '1') });
    await deploy('failing-parent', callActivity('call', { processId: 'failing-child' }));
    const parent = await engine.zbc.createProcessInstance({ bpmnProcessId: 'failing-parent', variables: {} });
    const job = await activateOne('failing-child-work');
    await engine.zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: 'Register nicht erreichbar', retryBackOff: 0 });
    expect(incidentsOf(job.processInstanceKey)).toMatchObject([
      { errorType: 'JOB_NO_RETRIES', bpmnProcessId: 'failing-child', elementId: 'work' },
    ]);
    expect(incidentsOf(parent.processInstanceKey)).toEqual([]);
  });

  it('cancels the child instance with the parent, and refuses to cancel the child on its own', async () => {
    const { zbc } = engine;
    await deployChild('cancel-child', 'cancel-child-work');
    await deploy('cancel-parent', callActivity('call', { processId: 'cancel-child' }));
    const parent = await zbc.createProcessInstance({ bpmnProcessId: 'cancel-parent', variables: {} });
    const job = await activateOne('cancel-child-work');
    await expect(zbc.cancelProcessInstance(job.processInstanceKey)).rejects.toMatchObject({
      code: 9,
      details: expect.stringContaining(`Expected to cancel a process instance with key '${job.processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${parent.processInstanceKey}' instead.`),
    });
    await zbc.cancelProcessInstance(parent.processInstanceKey);
    expect(state().elementInstances.has(Number(job.processInstanceKey))).toBe(false);
    expect(state().jobs.has(Number(job.key))).toBe(false);
    await expect(zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({ code: 5 });
  });

  it('lets an error boundary event of the call activity catch an error thrown in the child, ending the child', async () => {
    await deployChild('error-child', 'error-child-work');
    const body = [
      '<bpmn:startEvent id="start" />', callActivity('call', { processId: 'error-child' }).xml,
      boundaryEvent('notFound', 'call', errorDefinition('HALTER_UNBEKANNT')), serviceTask('clarify', 'clarify-owner'),
      '<bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'call'), flow('f2', 'call', 'end'), flow('f3', 'notFound', 'clarify'), flow('f4', 'clarify', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'error-parent.bpmn', process: bpmnProcess('error-parent', body, error('HALTER_UNBEKANNT')) });
    const parent = await engine.zbc.createProcessInstance({ bpmnProcessId: 'error-parent', variables: {} });
    const job = await activateOne('error-child-work');
    await engine.zbc.throwError({ jobKey: job.key, errorCode: 'HALTER_UNBEKANNT', errorMessage: 'kein Treffer im Register' });
    const clarify = await activateOne('clarify-owner');
    expect(clarify.processInstanceKey).toBe(parent.processInstanceKey);
    expect(state().elementInstances.has(Number(job.processInstanceKey))).toBe(false);
  });

  it('names the root process instance when a grandchild is cancelled on its own', async () => {
    await deployChild('chain-leaf', 'chain-leaf-work');
    await deploy('chain-middle', callActivity('call', { processId: 'chain-leaf' }));
    await deploy('chain-root', callActivity('call', { processId: 'chain-middle' }));
    const root = await engine.zbc.createProcessInstance({ bpmnProcessId: 'chain-root', variables: {} });
    const job = await activateOne('chain-leaf-work');
    await expect(engine.zbc.cancelProcessInstance(job.processInstanceKey)).rejects.toMatchObject({
      code: 9,
      details: expect.stringContaining(`Cancel the root process instance '${root.processInstanceKey}' instead.`),
    });
    await engine.zbc.cancelProcessInstance(root.processInstanceKey);
    expect([...state().elementInstances.values()].filter((e) => e.elementId.startsWith('chain-'))).toEqual([]);
  });

  it('raises CALLED_ELEMENT_ERROR when the called process has no none start event', async () => {
    const messageStarted = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_message_only" targetNamespace="http://amtsflow.test">
  <bpmn:message id="antrag" name="antrag-eingegangen" />
  <bpmn:process id="message-only" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="antrag" /></bpmn:startEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
    await engine.zbc.deployResource({ name: 'message-only.bpmn', process: Buffer.from(messageStarted) });
    await deploy('no-start-parent', callActivity('call', { processId: 'message-only' }));
    const parent = await engine.zbc.createProcessInstance({ bpmnProcessId: 'no-start-parent', variables: {} });
    expect(incidentsOf(parent.processInstanceKey)).toMatchObject([{
      errorType: 'CALLED_ELEMENT_ERROR',
      elementId: 'call',
      errorMessage: "Expected process with BPMN process id 'message-only' to have a none start event, but not found.",
    }]);
  });

  it('raises CALLED_ELEMENT_ERROR for a process that is not deployed, and calls it once it is and the incident is resolved', async () => {
    const { zbc } = engine;
    await deploy('missing-parent', callActivity('call', { processId: 'missing-child' }));
    const result = runWithResult('missing-parent', { fall: 9 });
    const [incident] = await eventually(() => {
      const [created] = [...state().incidents.values()].filter((i) => i.bpmnProcessId === 'missing-parent');
      return created && [created];
    });
    expect(incident).toMatchObject({
      errorType: 'CALLED_ELEMENT_ERROR',
      elementId: 'call',
      errorMessage: "Expected process with BPMN process id 'missing-child' to be deployed, but not found.",
    });
    await deployChild('missing-child', 'missing-child-work');
    await zbc.resolveIncident({ incidentKey: String(incident.key) });
    const job = await activateOne('missing-child-work');
    await zbc.completeJob({ jobKey: job.key, variables: { gefunden: true } });
    expect((await result).variables).toEqual({ fall: 9, gefunden: true });
  });

  it('runs a parallel multi-instance call activity, one child per item, collecting their results in order', async () => {
    await deploy('mi-child', { id: 'work', xml: serviceTask('work', 'mi-child-work') });
    const loop = '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=hunde" inputElement="hund" outputCollection="marken" outputElement="=marke" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>';
    await deploy('mi-parent', callActivity('call', {
      processId: 'mi-child', propagateAllChildVariables: false, outputs: [['=steuermarke', 'marke']], loop,
    }));
    const result = runWithResult('mi-parent', { hunde: ['Bello', 'Rex'] });
    const jobs = await engine.zbc.activateJobs({ type: 'mi-child-work', worker: 'w', maxJobsToActivate: 5, timeout: 30000, requestTimeout: 2000 });
    expect(jobs.map((job) => [job.variables.hund, job.variables.loopCounter])).toEqual([['Bello', 1], ['Rex', 2]]);
    expect(new Set(jobs.map((job) => job.processInstanceKey)).size).toBe(2);
    for (const job of [...jobs].reverse()) {
      await engine.zbc.completeJob({ jobKey: job.key, variables: { steuermarke: `M-${job.variables.hund}` } });
    }
    expect((await result).variables).toEqual({ hunde: ['Bello', 'Rex'], marken: ['M-Bello', 'M-Rex'] });
  });
});
