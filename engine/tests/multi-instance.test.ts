import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { JSONDoc } from 'zeebe-node';
import { bpmnProcess, eventually, flow, sequence, startTestEngine, type TestEngine } from './harness.js';
import { boundaryEvent, message, messageDefinition } from './event-xml.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

interface Loop {
  sequential?: boolean;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

/** `bpmn:multiInstanceLoopCharacteristics` with its `zeebe:loopCharacteristics`. */
function loopCharacteristics(loop: Loop): string {
  const attributes = (['inputCollection', 'inputElement', 'outputCollection', 'outputElement'] as const)
    .filter((name) => loop[name] !== undefined)
    .map((name) => `${name}="${loop[name]}"`)
    .join(' ');
  const condition = loop.completionCondition === undefined
    ? ''
    : `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${loop.completionCondition}</bpmn:completionCondition>`;
  return `<bpmn:multiInstanceLoopCharacteristics isSequential="${loop.sequential ?? false}"><bpmn:extensionElements><zeebe:loopCharacteristics ${attributes} /></bpmn:extensionElements>${condition}</bpmn:multiInstanceLoopCharacteristics>`;
}

function multiInstanceTask(id: string, type: string, loop: Loop, extensions = ''): { id: string; xml: string } {
  return {
    id,
    xml: `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" />${extensions}</bpmn:extensionElements>${loopCharacteristics(loop)}</bpmn:serviceTask>`,
  };
}

const io = (inputs: [string, string][], outputs: [string, string][]) =>
  `<zeebe:ioMapping>${inputs.map(([s, t]) => `<zeebe:input source="${s}" target="${t}" />`).join('')}${outputs.map(([s, t]) => `<zeebe:output source="${s}" target="${t}" />`).join('')}</zeebe:ioMapping>`;

async function deploy(id: string, ...elements: { id: string; xml: string }[]): Promise<void> {
  await engine.zbc.deployResource({ name: `${id}.bpmn`, process: bpmnProcess(id, sequence(...elements)) });
}

const runWithResult = (bpmnProcessId: string, variables: JSONDoc) =>
  engine.zbc.createProcessInstanceWithResult({ bpmnProcessId, variables, requestTimeout: 10000 });

async function activate(type: string, maxJobsToActivate: number) {
  return engine.zbc.activateJobs({ type, worker: 'w', maxJobsToActivate, timeout: 30000, requestTimeout: 2000 });
}

const incidentsOf = (processInstanceKey: string) =>
  [...engine.running.engine.state.incidents.values()].filter((i) => String(i.processInstanceKey) === processInstanceKey);

describe('multi-instance activities', () => {
  it('runs a parallel multi-instance task once per item at once, each with its item and 1-based loopCounter', async () => {
    await deploy('parallel-mi', multiInstanceTask('check', 'check-owner', { inputCollection: '=owners', inputElement: 'owner' }));
    const result = runWithResult('parallel-mi', { owners: ['Frau Schmitz', 'Herr Meier', 'Frau Özdemir'] });
    const jobs = await activate('check-owner', 10);
    expect(jobs.map((job) => [job.variables.owner, job.variables.loopCounter])).toEqual([
      ['Frau Schmitz', 1], ['Herr Meier', 2], ['Frau Özdemir', 3],
    ]);
    for (const job of jobs) await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    expect((await result).variables).toEqual({ owners: ['Frau Schmitz', 'Herr Meier', 'Frau Özdemir'] });
  });

  it('collects the output in input order even when the inner instances complete in reverse', async () => {
    const loop = { inputCollection: '=dogs', inputElement: 'dog', outputCollection: 'fees', outputElement: '=fee' };
    await deploy('collect-mi', multiInstanceTask('assess', 'assess-fee', loop));
    const result = runWithResult('collect-mi', { dogs: ['Bello', 'Rex', 'Luna'] });
    const jobs = await activate('assess-fee', 10);
    expect(jobs).toHaveLength(3);
    for (const job of [...jobs].reverse()) {
      await engine.zbc.completeJob({ jobKey: job.key, variables: { fee: `${job.variables.dog}: ${job.variables.loopCounter * 100}` } });
    }
    const { variables } = await result;
    expect(variables.fees).toEqual(['Bello: 100', 'Rex: 200', 'Luna: 300']);
    expect(variables).not.toHaveProperty('fee');
  });

  it('runs a sequential multi-instance task one item after another', async () => {
    const loop = { sequential: true, inputCollection: '=steps', inputElement: 'step', outputCollection: 'done', outputElement: '=step + &quot; erledigt&quot;' };
    await deploy('sequential-mi', multiInstanceTask('work', 'sequential-step', loop));
    const result = runWithResult('sequential-mi', { steps: ['Antrag', 'Prüfung', 'Bescheid'] });
    for (const [index, step] of ['Antrag', 'Prüfung', 'Bescheid'].entries()) {
      const jobs = await activate('sequential-step', 10);
      expect(jobs.map((job) => [job.variables.step, job.variables.loopCounter])).toEqual([[step, index + 1]]);
      await engine.zbc.completeJob({ jobKey: jobs[0].key, variables: {} });
    }
    expect((await result).variables.done).toEqual(['Antrag erledigt', 'Prüfung erledigt', 'Bescheid erledigt']);
  });

  it('skips the activity for an empty collection and propagates an empty output collection', async () => {
    await deploy('empty-mi', multiInstanceTask('never', 'never-runs', { inputCollection: '=items', outputCollection: 'results', outputElement: '=result' }));
    expect((await runWithResult('empty-mi', { items: [] })).variables).toEqual({ items: [], results: [] });
  });

  it('raises an EXTRACT_VALUE_ERROR incident when the input collection is not a list, and runs once it is fixed', async () => {
    const { zbc } = engine;
    await deploy('not-a-list-mi', multiInstanceTask('each', 'not-a-list-job', { inputCollection: '=items', inputElement: 'item' }));
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'not-a-list-mi', variables: { items: 'Bello' } });
    const [incident] = incidentsOf(instance.processInstanceKey);
    expect(incident).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      elementId: 'each',
      errorMessage: "Expected result of the expression 'items' to be 'ARRAY', but was 'STRING'.",
    });
    expect(engine.running.engine.state.elementInstances.get(incident.elementInstanceKey)?.multiInstanceBody).toBeDefined();
    await zbc.setVariables({ elementInstanceKey: instance.processInstanceKey, variables: { items: ['Bello', 'Rex'] }, local: false });
    await zbc.resolveIncident({ incidentKey: String(incident.key) });
    const jobs = await activate('not-a-list-job', 10);
    expect(jobs.map((job) => job.variables.item)).toEqual(['Bello', 'Rex']);
  });

  it('raises an incident when an output element fails, and collects it once the inner instance has the value', async () => {
    const { zbc } = engine;
    const loop = { inputCollection: '=[&quot;Bello&quot;]', outputCollection: 'chips', outputElement: '=assert(chip, chip != null)' };
    await deploy('failing-output-mi', multiInstanceTask('chip', 'read-chip', loop));
    const result = runWithResult('failing-output-mi', {});
    const [job] = await activate('read-chip', 1);
    await zbc.completeJob({ jobKey: job.key, variables: {} });
    const [incident] = incidentsOf(job.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'chip', elementInstanceKey: Number(job.elementInstanceKey) });
    await zbc.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { chip: '276-0981' }, local: true });
    await zbc.resolveIncident({ incidentKey: String(incident.key) });
    expect((await result).variables).toEqual({ chips: ['276-0981'] });
  });

  it('completes once the completion condition holds and terminates the inner instances still running', async () => {
    const loop = {
      inputCollection: '=reviewers', inputElement: 'reviewer', outputCollection: 'votes', outputElement: '=vote',
      completionCondition: '=numberOfCompletedInstances &gt;= 2 and numberOfActiveInstances = 1 and numberOfInstances = 3',
    };
    await deploy('condition-mi', multiInstanceTask('review', 'review-vote', loop));
    const result = runWithResult('condition-mi', { reviewers: ['A', 'B', 'C'] });
    const jobs = await activate('review-vote', 10);
    expect(jobs).toHaveLength(3);
    await engine.zbc.completeJob({ jobKey: jobs[2].key, variables: { vote: 'ja' } });
    await engine.zbc.completeJob({ jobKey: jobs[0].key, variables: { vote: 'nein' } });
    expect((await result).variables.votes).toEqual(['nein', null, 'ja']);
    await expect(engine.zbc.completeJob({ jobKey: jobs[1].key, variables: {} })).rejects.toMatchObject({ code: 5 });
  });

  it('applies the input mappings to each inner instance after its loop variables, and output mappings into its scope', async () => {
    const mappings = io([['=applicant.name', 'name'], ['=loopCounter * 10', 'position']], [['=decision.result', 'result']]);
    const loop = { inputCollection: '=applicants', inputElement: 'applicant', outputCollection: 'results', outputElement: '=result' };
    await deploy('mapped-mi', multiInstanceTask('decide', 'decide-applicant', loop, mappings));
    const result = runWithResult('mapped-mi', { applicants: [{ name: 'Frau Schmitz' }, { name: 'Herr Meier' }] });
    const jobs = await activate('decide-applicant', 10);
    expect(jobs.map((job) => [job.variables.name, job.variables.position])).toEqual([['Frau Schmitz', 10], ['Herr Meier', 20]]);
    for (const job of [...jobs].reverse()) {
      await engine.zbc.completeJob({ jobKey: job.key, variables: { decision: { result: `${job.variables.name} bewilligt` } } });
    }
    const { variables } = await result;
    expect(variables.results).toEqual(['Frau Schmitz bewilligt', 'Herr Meier bewilligt']);
    expect(variables).not.toHaveProperty('result');
    expect(variables).not.toHaveProperty('decision');
  });

  it('runs a multi-instance sub-process with a scope of its own per item', async () => {
    const inner = sequence({ id: 'inspect', xml: `<bpmn:serviceTask id="inspect"><bpmn:extensionElements><zeebe:taskDefinition type="inspect-kennel" /></bpmn:extensionElements></bpmn:serviceTask>` })
      .replace(/id="(start|end|f\d)"/g, 'id="sub_$1"').replace(/(sourceRef|targetRef)="(start|end)"/g, '$1="sub_$2"');
    const loop = { inputCollection: '=kennels', inputElement: 'kennel', outputCollection: 'reports', outputElement: '=report' };
    await deploy('sub-mi', { id: 'perKennel', xml: `<bpmn:subProcess id="perKennel">${inner}${loopCharacteristics(loop)}</bpmn:subProcess>` });
    const result = runWithResult('sub-mi', { kennels: ['Nord', 'Süd'] });
    const jobs = await activate('inspect-kennel', 10);
    expect(jobs.map((job) => job.variables.kennel)).toEqual(['Nord', 'Süd']);
    for (const job of [...jobs].reverse()) {
      await engine.zbc.completeJob({ jobKey: job.key, variables: { report: `Zwinger ${job.variables.kennel} in Ordnung` } });
    }
    const { variables } = await result;
    expect(variables.reports).toEqual(['Zwinger Nord in Ordnung', 'Zwinger Süd in Ordnung']);
    expect(variables).not.toHaveProperty('report');
  });

  it('terminates the body and every inner instance when the process instance is cancelled', async () => {
    const { zbc } = engine;
    await deploy('cancel-mi', multiInstanceTask('wait', 'cancelled-inner', { inputCollection: '=[1, 2, 3]' }));
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'cancel-mi', variables: {} });
    const jobs = await activate('cancelled-inner', 10);
    expect(jobs).toHaveLength(3);
    await zbc.cancelProcessInstance(instance.processInstanceKey);
    const state = engine.running.engine.state;
    expect([...state.elementInstances.values()].filter((e) => String(e.processInstanceKey) === instance.processInstanceKey)).toEqual([]);
    expect([...state.jobs.values()].filter((j) => String(j.processInstanceKey) === instance.processInstanceKey)).toEqual([]);
  });

  it('ends the body and all inner instances on an interrupting boundary event, without output collection', async () => {
    const task = multiInstanceTask('review', 'interrupted-review', { inputCollection: '=[1, 2, 3]', outputCollection: 'reviews', outputElement: '=review' });
    const body = [
      '<bpmn:startEvent id="start" />', task.xml, boundaryEvent('withdrawn', 'review', messageDefinition('withdrawn')),
      '<bpmn:endEvent id="end" /><bpmn:endEvent id="withdrawnEnd" />',
      flow('f1', 'start', 'review'), flow('f2', 'review', 'end'), flow('f3', 'withdrawn', 'withdrawnEnd'),
    ].join('');
    await engine.zbc.deployResource({ name: 'interrupted-mi.bpmn', process: bpmnProcess('interrupted-mi', body, message('withdrawn', '=antrag')) });
    const result = runWithResult('interrupted-mi', { antrag: 'A-77' });
    const jobs = await activate('interrupted-review', 10);
    expect(jobs).toHaveLength(3);
    const subscriptions = [...engine.running.engine.state.messageSubscriptions.values()].filter((s) => s.correlationKey === 'A-77');
    expect(subscriptions).toHaveLength(1);
    expect(engine.running.engine.state.elementInstances.get(subscriptions[0].elementInstanceKey)?.multiInstanceBody).toBe(true);
    await engine.zbc.completeJob({ jobKey: jobs[0].key, variables: { review: 'ok' } });
    await engine.zbc.publishMessage({ name: 'withdrawn', correlationKey: 'A-77', variables: {}, timeToLive: 0 });
    expect((await result).variables).toEqual({ antrag: 'A-77' });
    await expect(engine.zbc.completeJob({ jobKey: jobs[1].key, variables: {} })).rejects.toMatchObject({ code: 5 });
  });

  it('runs a multi-instance receive task whose inner instances each wait for their own message', async () => {
    const loop = loopCharacteristics({ inputCollection: '=nachweise', inputElement: 'nachweis', outputCollection: 'eingaenge', outputElement: '=eingang' });
    const receive = { id: 'wait', xml: `<bpmn:receiveTask id="wait" messageRef="Message_nachweis">${loop}</bpmn:receiveTask>` };
    await engine.zbc.deployResource({ name: 'receive-mi.bpmn', process: bpmnProcess('receive-mi', sequence(receive), message('nachweis', '=nachweis')) });
    const result = runWithResult('receive-mi', { nachweise: ['Impfpass', 'Haftpflicht'] });
    await eventually(() => [...engine.running.engine.state.messageSubscriptions.values()].filter((s) => s.messageName === 'nachweis').length === 2);
    await engine.zbc.publishMessage({ name: 'nachweis', correlationKey: 'Haftpflicht', variables: { eingang: '2024-03-02' }, timeToLive: 0 });
    await engine.zbc.publishMessage({ name: 'nachweis', correlationKey: 'Impfpass', variables: { eingang: '2024-03-05' }, timeToLive: 0 });
    expect((await result).variables.eingaenge).toEqual(['2024-03-05', '2024-03-02']);
  });

  it('keeps a running body, its counts and its output collection across a restart', async () => {
    const first = await startTestEngine();
    const loop = { sequential: true, inputCollection: '=[1, 2]', inputElement: 'n', outputCollection: 'squares', outputElement: '=n * n' };
    await first.zbc.deployResource({ name: 'restart-mi.bpmn', process: bpmnProcess('restart-mi', sequence(multiInstanceTask('square', 'square-job', loop))) });
    await first.zbc.createProcessInstance({ bpmnProcessId: 'restart-mi', variables: {} });
    const [firstJob] = await first.zbc.activateJobs({ type: 'square-job', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 2000 });
    await first.zbc.completeJob({ jobKey: firstJob.key, variables: {} });
    await first.stop();
    const second = await startTestEngine(first.dataDir);
    try {
      const [secondJob] = await second.zbc.activateJobs({ type: 'square-job', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 5000 });
      expect(secondJob.variables).toMatchObject({ n: 2, loopCounter: 2, squares: [1, null] });
      await second.zbc.completeJob({ jobKey: secondJob.key, variables: {} });
      await eventually(() => second.running.engine.state.elementInstances.size === 0);
    } finally {
      await second.destroy();
    }
  });
});
