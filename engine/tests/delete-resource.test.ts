import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { bpmnProcess, rawGateway, sequence, serviceTask, startTestEngine, unaryCall, type RawGateway, type TestEngine } from './harness.js';

// zeebe-node 8.3.2 has no deleteResource, so these calls go through a plain gRPC client.
let engine: TestEngine;
let raw: RawGateway;
beforeAll(async () => {
  engine = await startTestEngine();
  raw = rawGateway(engine.running.gatewayAddress);
});
afterAll(async () => {
  raw.close();
  await engine.destroy();
});

const deleteResource = (resourceKey: string) => unaryCall(raw, 'DeleteResource', { resourceKey });
const versionOf = (id: string, jobType: string) => bpmnProcess(id, sequence({ id: 't', xml: serviceTask('t', jobType) }));
const form = (id: string, label: string) => Buffer.from(JSON.stringify({ id, type: 'default', components: [{ type: 'textfield', key: 'name', label }] }));

async function deployVersions(zbc: TestEngine['zbc'], id: string, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let version = 1; version <= count; version++) {
    const deployed = await zbc.deployResource({ name: `${id}.bpmn`, process: versionOf(id, `${id}-v${version}`) });
    keys.push(deployed.deployments[0].process.processDefinitionKey);
  }
  return keys;
}

describe('DeleteResource', () => {
  it('deletes the latest version, after which instances are created from the previous one', async () => {
    const { zbc } = engine;
    const [v1, v2] = await deployVersions(zbc, 'del-latest', 2);
    await expect(deleteResource(v2)).resolves.toEqual({});
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'del-latest', variables: {} });
    expect(created).toMatchObject({ processDefinitionKey: v1, version: 1 });
    await expect(zbc.createProcessInstance({ bpmnProcessId: 'del-latest', version: 2, variables: {} })).rejects.toMatchObject({ code: 5 });
    await expect(unaryCall(raw, 'CreateProcessInstance', { processDefinitionKey: v2, variables: '{}' })).rejects.toMatchObject({ code: 5 });
    await zbc.cancelProcessInstance(created.processInstanceKey);
  });

  it('keeps counting versions: the deleted content deployed again becomes a new version', async () => {
    const { zbc } = engine;
    const [, v2] = await deployVersions(zbc, 'del-count', 2);
    await deleteResource(v2);
    const again = await zbc.deployResource({ name: 'del-count.bpmn', process: versionOf('del-count', 'del-count-v2') });
    expect(again.deployments[0].process.version).toBe(3);
  });

  it('deletes every version, after which the process cannot be started until it is deployed again', async () => {
    const { zbc } = engine;
    for (const key of await deployVersions(zbc, 'del-all', 2)) await deleteResource(key);
    await expect(zbc.createProcessInstance({ bpmnProcessId: 'del-all', variables: {} })).rejects.toMatchObject({
      code: 5,
      details: expect.stringContaining("Expected to find process definition with process ID 'del-all', but none found"),
    });
    const again = await zbc.deployResource({ name: 'del-all.bpmn', process: versionOf('del-all', 'del-all-v1') });
    expect(again.deployments[0].process.version).toBe(3);
  });

  it('rejects deleting a process definition with running instances with FAILED_PRECONDITION, and deletes it once they are gone', async () => {
    const { zbc } = engine;
    const [key] = await deployVersions(zbc, 'del-running', 1);
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'del-running', variables: {} });
    await expect(deleteResource(key)).rejects.toMatchObject({
      code: 9,
      details: `Command 'DELETE' rejected with code 'FAILED_PRECONDITION': Expected to delete resource with key \`${key}\` but there are still running instances`,
    });
    expect(engine.running.engine.state.latestProcess('del-running')?.version).toBe(1);
    await zbc.cancelProcessInstance(instance.processInstanceKey);
    await deleteResource(key);
    expect(engine.running.engine.state.latestProcess('del-running')).toBeUndefined();
  });

  it('answers NOT_FOUND for a key that names no resource, or one already deleted', async () => {
    await expect(deleteResource('2251799813999321')).rejects.toMatchObject({
      code: 5,
      details: "Command 'DELETE' rejected with code 'NOT_FOUND': Expected to delete resource but no resource found with key `2251799813999321`",
    });
    const [key] = await deployVersions(engine.zbc, 'del-twice', 1);
    await deleteResource(key);
    await expect(deleteResource(key)).rejects.toMatchObject({ code: 5 });
  });

  it('deletes a form version, so that its previous version is the latest again', async () => {
    const { zbc } = engine;
    const first = await zbc.deployResource({ name: 'antrag.form', form: form('del-antrag', 'Name') });
    const second = await zbc.deployResource({ name: 'antrag.form', form: form('del-antrag', 'Vollständiger Name') });
    await deleteResource(String(second.deployments[0].form.formKey));
    expect(String(engine.running.engine.state.latestForm('del-antrag')?.key)).toBe(String(first.deployments[0].form.formKey));
  });

  it('keeps deletions and the version count across a restart', async () => {
    const first = await startTestEngine();
    const [, v2] = await deployVersions(first.zbc, 'del-durable', 2);
    const firstRaw = rawGateway(first.running.gatewayAddress);
    await unaryCall(firstRaw, 'DeleteResource', { resourceKey: v2 });
    firstRaw.close();
    await first.stop();

    const second = await startTestEngine(first.dataDir);
    try {
      const created = await second.zbc.createProcessInstance({ bpmnProcessId: 'del-durable', variables: {} });
      expect(created.version).toBe(1);
      const again = await second.zbc.deployResource({ name: 'del-durable.bpmn', process: versionOf('del-durable', 'del-durable-v3') });
      expect(again.deployments[0].process.version).toBe(3);
    } finally {
      await second.stop();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
