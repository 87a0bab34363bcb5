/**
 * The city's reference processes are deployed on the first start and their citizen services published, so a new user
 * finds them at once, and never again: a restart does not add versions or undo what a process manager changed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestEngine, type TestEngine } from '../engine/tests/harness.js';
import { referenceBundles, REFERENCE_PROCESSES } from '../processes/index.js';
import { seedBundles } from '../server/index.js';
import { as, createStaff, signIn, startTestServer, type Credentials, type TestServer } from '../server/tests/test-server.js';

let engine: TestEngine;
let test: TestServer;
let manager: Credentials;
beforeAll(async () => {
  engine = await startTestEngine();
  test = await startTestServer({ gatewayAddress: engine.running.gatewayAddress });
  await createStaff(test.server, 'pm', ['process-manager']);
  manager = await signIn(test, 'pm');
}, 60_000);
afterAll(async () => {
  await test.stop();
  await engine.destroy();
});

const catalogue = async (collection: 'processes' | 'forms' | 'decisions') => {
  const response = await as(test, manager, 'get', `/api/${collection}`);
  expect(response.status).toBe(200);
  return (response.body[collection] as { id: string; latestVersion: number }[]);
};

describe('seeding the reference processes', () => {
  it('deploys every reference process with its forms and decisions on the first start', async () => {
    const seeded = await seedBundles(test.server.context, referenceBundles());
    expect([...seeded.keys()]).toEqual(REFERENCE_PROCESSES.map((each) => each.name));
    const processes = await catalogue('processes');
    const processIds = REFERENCE_PROCESSES.flatMap((each) => each.services.map((service) => service.bpmnProcessId));
    expect(processes.map((each) => each.id).sort()).toEqual([...processIds].sort());
    expect(processes.every((each) => each.latestVersion === 1)).toBe(true);
    const fileCount = REFERENCE_PROCESSES.reduce((sum, each) => sum + each.resources.forms.length, 0);
    expect(await catalogue('forms')).toHaveLength(fileCount);
    expect((await catalogue('decisions')).length).toBeGreaterThanOrEqual(REFERENCE_PROCESSES.length);
    // The audit log says who deployed them: the system, not a person.
    await createStaff(test.server, 'admin2', ['admin']);
    const audit = await as(test, await signIn(test, 'admin2'), 'get', '/api/admin/audit');
    const deployments = (audit.body.entries as { action: string; actor: { kind: string } }[]).filter((entry) => entry.action === 'deployment.created');
    expect(deployments.length).toBeGreaterThan(0);
    expect(deployments.every((entry) => entry.actor.kind === 'system')).toBe(true);
  });

  it('publishes the services citizens start in the portal, each with its own reference prefix', async () => {
    const response = await test.http.get('/api/portal/services');
    expect(response.status).toBe(200);
    const citizenServices = REFERENCE_PROCESSES.flatMap((each) => each.services).filter((service) => service.citizenStartable);
    expect((response.body.services as { id: string }[]).map((service) => service.id).sort()).toEqual(citizenServices.map((service) => service.bpmnProcessId).sort());
    const form = await test.http.get('/api/portal/services/hundeanmeldung/form');
    expect(form.status).toBe(200);
    expect(JSON.stringify(form.body)).toContain('hundeanmeldung-antrag');
  });

  it('seeds nothing again on a later start, so versions and services stay as the process managers left them', async () => {
    expect((await as(test, manager, 'post', '/api/services/fundanzeige/withdraw')).status).toBe(204);
    const seeded = await seedBundles(test.server.context, referenceBundles());
    expect(seeded.size).toBe(0);
    expect((await catalogue('processes')).every((each) => each.latestVersion === 1)).toBe(true);
    const services = (await test.http.get('/api/portal/services')).body.services as { id: string }[];
    expect(services.map((service) => service.id)).not.toContain('fundanzeige');
  });
});
