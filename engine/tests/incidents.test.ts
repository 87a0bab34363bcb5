import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, eventually, flow, sequence, serviceTask, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

const incidentsOf = (processInstanceKey: string) =>
  [...engine.running.engine.state.incidents.values()].filter((i) => String(i.processInstanceKey) === processInstanceKey);
const isDone = (processInstanceKey: string) => !engine.running.engine.state.elementInstances.has(Number(processInstanceKey));

async function activateOne(type: string, timeout = 30000) {
  const jobs = await engine.zbc.activateJobs({ type, worker: 'w', maxJobsToActivate: 1, timeout, requestTimeout: 2000 });
  expect(jobs).toHaveLength(1);
  return jobs[0];
}

describe('job failures, retries and incidents', () => {
  it('retries a failed job, after its back-off, until the retries run out, then raises an incident', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'retry.bpmn', process: bpmnProcess('retry', sequence({ id: 't', xml: serviceTask('t', 'flaky', '', '2') })) });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'retry', variables: {} });
    const first = await activateOne('flaky');
    await zbc.failJob({ jobKey: first.key, retries: 1, errorMessage: 'Kasse nicht erreichbar', retryBackOff: 400 });
    const during = await zbc.activateJobs({ type: 'flaky', worker: 'w', maxJobsToActivate: 1, timeout: 30000, requestTimeout: -1 });
    expect(during).toEqual([]);
    const started = Date.now();
    const second = await activateOne('flaky');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(second.key).toBe(first.key);
    expect(second.retries).toBe(1);
    await zbc.failJob({ jobKey: second.key, retries: 0, errorMessage: 'Kasse endgültig nicht erreichbar', retryBackOff: 0 });
    const [incident] = await eventually(() => incidentsOf(instance.processInstanceKey).length > 0 && incidentsOf(instance.processInstanceKey));
    expect(incident).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'Kasse endgültig nicht erreichbar', elementId: 't' });
  });

  it('continues the instance once retries are given back and the incident is resolved', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'resolve.bpmn', process: bpmnProcess('resolve', sequence({ id: 't', xml: serviceTask('t', 'resolvable', '', '1') })) });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'resolve', variables: {} });
    const job = await activateOne('resolvable');
    await zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: 'boom', retryBackOff: 0 });
    const [incident] = incidentsOf(instance.processInstanceKey);
    await expect(zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({ code: 9 });
    await zbc.updateJobRetries({ jobKey: job.key, retries: 2 });
    await zbc.resolveIncident({ incidentKey: String(incident.key) });
    const again = await activateOne('resolvable');
    expect(again.retries).toBe(2);
    await zbc.completeJob({ jobKey: again.key, variables: {} });
    await eventually(() => isDone(instance.processInstanceKey));
  });

  it('raises the incident again when it is resolved without new retries', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'noretries.bpmn', process: bpmnProcess('noretries', sequence({ id: 't', xml: serviceTask('t', 'no-retries', '', '1') })) });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'noretries', variables: {} });
    const job = await activateOne('no-retries');
    await zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: 'boom', retryBackOff: 0 });
    const [incident] = incidentsOf(instance.processInstanceKey);
    await zbc.resolveIncident({ incidentKey: String(incident.key) });
    const [next] = incidentsOf(instance.processInstanceKey);
    expect(next.key).not.toBe(incident.key);
    expect(next.errorType).toBe('JOB_NO_RETRIES');
  });

  it('raises an UNHANDLED_ERROR_EVENT incident when a thrown error has no catch event', async () => {
    const { zbc } = engine;
    await zbc.deployResource({ name: 'throw.bpmn', process: bpmnProcess('throwing', sequence({ id: 't', xml: serviceTask('t', 'thrower') })) });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'throwing', variables: {} });
    const job = await activateOne('thrower');
    await zbc.throwError({ jobKey: job.key, errorCode: 'HUND_UNBEKANNT', errorMessage: 'Rasse unbekannt' });
    const [incident] = incidentsOf(instance.processInstanceKey);
    expect(incident.errorType).toBe('UNHANDLED_ERROR_EVENT');
    expect(incident.errorMessage).toContain("'HUND_UNBEKANNT'");
  });

  it('raises an incident when an exclusive gateway has no flow to take, and continues after the data is fixed', async () => {
    const { zbc } = engine;
    const body = [
      '<bpmn:startEvent id="start" />',
      '<bpmn:exclusiveGateway id="route" />',
      '<bpmn:endEvent id="large" />',
      '<bpmn:endEvent id="small" />',
      flow('f0', 'start', 'route'),
      flow('f1', 'route', 'large', '=weight &gt;= 20'),
      flow('f2', 'route', 'small', '=weight &lt; 20'),
    ].join('\n');
    await zbc.deployResource({ name: 'route.bpmn', process: bpmnProcess('routing', body) });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'routing', variables: {} });
    const [incident] = incidentsOf(instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'route' });
    await zbc.setVariables({ elementInstanceKey: instance.processInstanceKey, variables: { weight: 25 }, local: false });
    await zbc.resolveIncident({ incidentKey: String(incident.key) });
    await eventually(() => isDone(instance.processInstanceKey));
  });

  it('rejects resolving an incident that does not exist with NOT_FOUND', async () => {
    await expect(engine.zbc.resolveIncident({ incidentKey: '2251799813999998' })).rejects.toMatchObject({ code: 5 });
  });

  it('rejects setting retries to zero with INVALID_ARGUMENT', async () => {
    await expect(engine.zbc.updateJobRetries({ jobKey: '2251799813999997', retries: 0 })).rejects.toMatchObject({ code: 3 });
  });
});
