import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, eventually, sequence, serviceTask, startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import { as, createStaff, signIn, startTestServer, type Credentials, type TestServer } from '../tests/test-server.js';

const gebuehrProcess = () => bpmnProcess('hundesteuer', sequence({ id: 'berechnen', xml: serviceTask('berechnen', 'steuer-berechnen') }));
const halterProcess = () => bpmnProcess('halter-anmelden', sequence({
  id: 'hund',
  xml: '<bpmn:callActivity id="hund"><bpmn:extensionElements><zeebe:calledElement processId="hundesteuer" /></bpmn:extensionElements></bpmn:callActivity>',
}));

let engine: TestEngine;
let test: TestServer;
let manager: Credentials;
let admin: Credentials;

beforeAll(async () => {
  engine = await startTestEngine();
  test = await startTestServer({ gatewayAddress: engine.running.gatewayAddress, operationsSource: engine.running.reads });
  await createStaff(test.server, 'pm', ['process-manager']);
  await createStaff(test.server, 'ops-admin', ['admin']);
  manager = await signIn(test, 'pm');
  admin = await signIn(test, 'ops-admin');
  const deployed = await as(test, manager, 'post', '/api/deployments')
    .attach('files', gebuehrProcess(), 'hundesteuer.bpmn')
    .attach('files', halterProcess(), 'halter.bpmn');
  expect(deployed.status).toBe(201);
});
afterAll(async () => {
  await test.stop();
  await engine.destroy();
});

/** The job of this instance (other tests' instances may have jobs of the same type waiting). */
async function jobOf(processInstanceKey: string) {
  const jobs = await engine.zbc.activateJobs({ type: 'steuer-berechnen', worker: 'test', maxJobsToActivate: 32, timeout: 30_000, requestTimeout: 2000 });
  const job = jobs.find((candidate) => candidate.processInstanceKey === processInstanceKey);
  if (!job) throw new Error(`No job of instance ${processInstanceKey} was activatable`);
  return job;
}

const start = async (variables: Record<string, string | number> = {}) =>
  (await engine.zbc.createProcessInstance({ bpmnProcessId: 'hundesteuer', variables })).processInstanceKey;

/** The instance as the operations API shows it, once `ready` holds for it. */
async function instanceWhen(key: string, ready: (body: Record<string, any>) => boolean, who = manager): Promise<Record<string, any>> {
  return eventually(async () => {
    const response = await as(test, who, 'get', `/api/operations/instances/${key}`);
    return response.status === 200 && ready(response.body) && response.body;
  });
}

const auditOf = async (action: string, instanceKey: string) =>
  (await test.server.context.audit.list({ action, targetKind: 'process-instance', targetId: instanceKey, limit: 10 })).entries;

describe('operations API', () => {
  it('shows an incident of a job that failed without retries, and retrying it lets the instance continue', async () => {
    const key = await start({ hund: 'Bello' });
    const job = await jobOf(key);
    await engine.zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: 'Kassensystem antwortet nicht', retryBackOff: 0 });

    const withIncident = await instanceWhen(key, (body) => body.activeIncidents === 1);
    expect(withIncident).toMatchObject({
      processInstanceKey: key, bpmnProcessId: 'hundesteuer', version: 1, state: 'ACTIVE',
      activeElements: [{ elementId: 'berechnen', active: 1, incidents: 1 }],
      completedElements: [{ elementId: 'start', completed: 1 }],
      variables: [{ scopeKey: key, name: 'hund', value: '"Bello"' }],
    });
    const [incident] = withIncident.incidents;
    expect(incident).toMatchObject({ state: 'ACTIVE', errorType: 'JOB_NO_RETRIES', errorMessage: 'Kassensystem antwortet nicht', jobKey: job.key, elementId: 'berechnen' });
    expect(withIncident.history.elements.map((element: { elementId: string; state: string }) => [element.elementId, element.state]))
      .toEqual([['hundesteuer', 'ACTIVE'], ['start', 'COMPLETED'], ['berechnen', 'ACTIVE']]);
    const listed = await as(test, admin, 'get', '/api/operations/instances?state=INCIDENT&bpmnProcessId=hundesteuer');
    expect(listed.body.instances.map((instance: { processInstanceKey: string }) => instance.processInstanceKey)).toContain(key);

    const retried = await as(test, manager, 'post', `/api/operations/incidents/${incident.incidentKey}/retry`).send({ retries: 2 });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ incidentKey: incident.incidentKey, processInstanceKey: key, jobKey: job.key, retries: 2 });
    const again = await jobOf(key);
    expect(again.key).toBe(job.key);
    expect(again.retries).toBe(2);
    await engine.zbc.completeJob({ jobKey: again.key, variables: { steuer: 96 } });
    const completed = await instanceWhen(key, (body) => body.state === 'COMPLETED');
    expect(completed.incidents[0]).toMatchObject({ state: 'RESOLVED', resolvedAt: expect.any(String) });

    const [audited] = await auditOf('incident.resolved', key);
    expect(audited).toMatchObject({
      actor: { kind: 'staff', id: manager.userId },
      details: { incidentKey: incident.incidentKey, jobKey: job.key, errorMessage: 'Kassensystem antwortet nicht', before: { state: 'ACTIVE' }, after: { state: 'RESOLVED', jobRetries: 2 } },
    });
    const twice = await as(test, manager, 'post', `/api/operations/incidents/${incident.incidentKey}/retry`).send({});
    expect(twice.status).toBe(409);
    expect(twice.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('cancels an instance, audits it, and refuses to cancel it twice', async () => {
    const key = await start();
    await instanceWhen(key, (body) => body.activeElements.length === 1);
    expect((await as(test, admin, 'post', `/api/operations/instances/${key}/cancel`)).status).toBe(204);
    const canceled = await instanceWhen(key, (body) => body.state === 'CANCELED');
    expect(canceled).toMatchObject({ activeElements: [], endTime: expect.any(String) });
    const again = await as(test, admin, 'post', `/api/operations/instances/${key}/cancel`);
    expect(again.status).toBe(404);
    expect(again.body.type).toBe('urn:amtsflow:problem:gateway-not-found');
    expect((await auditOf('process-instance.canceled', key))[0]).toMatchObject({
      actor: { id: admin.userId }, details: { bpmnProcessId: 'hundesteuer', before: { state: 'ACTIVE' }, after: { state: 'CANCELED' } },
    });
  });

  it('refuses to cancel an instance a call activity started, and cancels it with its root', async () => {
    const { processInstanceKey: root } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'halter-anmelden', variables: {} });
    const children = await eventually(async () => {
      const response = await as(test, manager, 'get', `/api/operations/instances?parentProcessInstanceKey=${root}`);
      return response.body.instances?.length === 1 && response.body.instances;
    });
    const child = children[0].processInstanceKey as string;
    const refused = await as(test, manager, 'post', `/api/operations/instances/${child}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(root);
    expect((await as(test, manager, 'post', `/api/operations/instances/${root}/cancel`)).status).toBe(204);
    expect((await instanceWhen(child, (body) => body.state === 'CANCELED')).parentProcessInstanceKey).toBe(root);
  });

  it('sets a variable the next job sees, with the value before and after in the audit log', async () => {
    const key = await start({ betrag: 10 });
    await instanceWhen(key, (body) => body.variables.length === 1);
    const set = await as(test, manager, 'put', `/api/operations/instances/${key}/variables/betrag`).send({ value: '120.5' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ processInstanceKey: key, scopeKey: key, name: 'betrag', value: '120.5' });
    const added = await as(test, manager, 'put', `/api/operations/instances/${key}/variables/${encodeURIComponent('hund name')}`).send({ value: '{"name":"Bello","rasse":"Mops"}' });
    expect(added.status).toBe(200);

    const job = await jobOf(key);
    expect(job.variables).toEqual({ betrag: 120.5, 'hund name': { name: 'Bello', rasse: 'Mops' } });
    const audited = await auditOf('process-instance.variable-set', key);
    expect(audited.map((entry) => entry.details)).toEqual([
      { scopeKey: key, name: 'hund name', before: null, after: '{"name":"Bello","rasse":"Mops"}' },
      { scopeKey: key, name: 'betrag', before: '10', after: '120.5' },
    ]);
    const shown = await instanceWhen(key, (body) => body.variables.length === 2);
    expect(shown.variables.map(({ name, value }: { name: string; value: string }) => [name, value])).toEqual([
      ['betrag', '120.5'], ['hund name', '{"name":"Bello","rasse":"Mops"}'],
    ]);
  });

  it('sets a variable in an element instance\'s own scope, and only in one of that instance', async () => {
    const key = await start();
    const other = await start();
    const task = (await instanceWhen(key, (body) => body.history.elements.length === 3)).history.elements[2];
    await instanceWhen(other, (body) => body.activeElements.length === 1);
    const set = await as(test, manager, 'put', `/api/operations/instances/${key}/variables/pruefung`).send({ value: '"manuell"', scopeKey: task.elementInstanceKey });
    expect(set.status).toBe(200);
    expect(await eventually(() => engine.running.reads.variable(task.elementInstanceKey, 'pruefung'))).toMatchObject({ value: '"manuell"', processInstanceKey: key });
    const foreign = await as(test, manager, 'put', `/api/operations/instances/${other}/variables/pruefung`).send({ value: '1', scopeKey: task.elementInstanceKey });
    expect(foreign.status).toBe(404);
  });

  it('refuses a value that is not JSON or nested too deep, a name with control characters and unknown fields, each with its field', async () => {
    const key = await start();
    const notJson = await as(test, manager, 'put', `/api/operations/instances/${key}/variables/betrag`).send({ value: '{betrag: 1}' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors).toEqual([{ pointer: '/value', detail: 'is not valid JSON text' }]);
    const tooDeep = await as(test, manager, 'put', `/api/operations/instances/${key}/variables/betrag`).send({ value: `${'['.repeat(5000)}${']'.repeat(5000)}` });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors).toEqual([{ pointer: '/value', detail: 'is nested more than 64 levels deep' }]);
    const deepEnough = await as(test, manager, 'put', `/api/operations/instances/${key}/variables/betrag`).send({ value: `${'['.repeat(64)}${']'.repeat(64)}` });
    expect(deepEnough.status).toBe(200);
    const controlName = await as(test, manager, 'put', `/api/operations/instances/${key}/variables/a%00b`).send({ value: '1' });
    expect(controlName.status).toBe(400);
    expect(controlName.body.errors[0].pointer).toBe('#/path/name');
    const unknown = await as(test, manager, 'put', `/api/operations/instances/${key}/variables/betrag`).send({ value: '1', local: false });
    expect(unknown.body.errors).toEqual([{ pointer: '/local', detail: 'is not a known field' }]);
    const gone = await as(test, manager, 'put', '/api/operations/instances/2251799813999999/variables/betrag').send({ value: '1' });
    expect(gone.status).toBe(404);
  });

  it('lists instances newest first, page by page, and serves the diagram of an instance', async () => {
    const keys = [await start(), await start(), await start()];
    await instanceWhen(keys[2]!, () => true);
    const first = await as(test, manager, 'get', '/api/operations/instances?bpmnProcessId=hundesteuer&version=1&state=ACTIVE&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.instances.map((instance: { processInstanceKey: string }) => instance.processInstanceKey)).toEqual([keys[2], keys[1]]);
    const second = await as(test, manager, 'get', `/api/operations/instances?bpmnProcessId=hundesteuer&state=ACTIVE&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.instances[0].processInstanceKey).toBe(keys[0]);
    expect((await as(test, manager, 'get', '/api/operations/instances?state=RUNNING')).status).toBe(400);
    expect((await as(test, manager, 'get', '/api/operations/instances?cursor=99999999999999999999')).status).toBe(400);
    expect((await as(test, manager, 'get', '/api/operations/instances?cursor=9999999999999999999')).body).toEqual({ instances: [], nextCursor: null });

    const xml = await as(test, manager, 'get', `/api/operations/instances/${keys[0]}/xml`);
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toMatch(/^application\/xml/);
    expect(xml.text).toBe(gebuehrProcess().toString());
    const history = await as(test, manager, 'get', `/api/operations/instances/${keys[0]}/history?limit=2`);
    expect(history.body.elements.map((element: { elementType: string }) => element.elementType)).toEqual(['PROCESS', 'START_EVENT']);
    const rest = await as(test, manager, 'get', `/api/operations/instances/${keys[0]}/history?cursor=${history.body.nextCursor}`);
    expect(rest.body).toMatchObject({ elements: [{ elementId: 'berechnen', elementType: 'SERVICE_TASK', state: 'ACTIVE' }], nextCursor: null });
    expect((await as(test, manager, 'get', '/api/operations/instances/9999999999999999999')).status).toBe(404);
  });
});

describe('operations API against a gateway without the engine\'s exporter tables', () => {
  let remote: TestServer;
  let remoteManager: Credentials;
  beforeAll(async () => {
    // The same gateway, but no operations source: as with ZEEBE_ADDRESS pointing at a Zeebe cluster.
    remote = await startTestServer({ gatewayAddress: engine.running.gatewayAddress });
    await createStaff(remote.server, 'pm', ['process-manager']);
    remoteManager = await signIn(remote, 'pm');
  });
  afterAll(() => remote.stop());

  it('answers the reads and the retry with 503, and still cancels and sets the instance\'s own variables', async () => {
    for (const [method, url, body] of [
      ['get', '/api/operations/instances', undefined], ['get', '/api/operations/instances/2251799813685249', undefined],
      ['get', '/api/operations/instances/2251799813685249/history', undefined], ['get', '/api/operations/instances/2251799813685249/xml', undefined],
      ['post', '/api/operations/incidents/2251799813685249/retry', {}],
      ['put', '/api/operations/instances/2251799813685249/variables/x', { value: '1', scopeKey: '2251799813685250' }],
    ] as const) {
      const call = as(remote, remoteManager, method, url);
      const response = await (body ? call.send(body) : call);
      expect([url, response.status, response.body.type]).toEqual([url, 503, 'urn:amtsflow:problem:operations-data-unavailable']);
      expect(response.body.detail).toMatch(/needs the embedded engine's exporter/);
    }
    const key = await start();
    expect((await as(remote, remoteManager, 'put', `/api/operations/instances/${key}/variables/betrag`).send({ value: '7' })).status).toBe(200);
    expect((await as(remote, remoteManager, 'post', `/api/operations/instances/${key}/cancel`)).status).toBe(204);
    expect((await remote.server.context.audit.list({ action: 'process-instance.variable-set', limit: 1 })).entries[0]?.details).toEqual({ scopeKey: key, name: 'betrag', after: '7' });
    expect(await eventually(async () => (await engine.running.reads.processInstance(key))?.state === 'CANCELED')).toBe(true);
  });
});
