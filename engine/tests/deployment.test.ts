import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, sequence, serviceTask, startTestEngine, type TestEngine } from './harness.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

const simple = (type: string) => bpmnProcess('deploy-me', sequence({ id: 't', xml: serviceTask('t', type) }));

describe('deployments', () => {
  it('keeps the version when the identical resource is deployed again and counts up when it changes', async () => {
    const { zbc } = engine;
    const first = await zbc.deployResource({ name: 'deploy-me.bpmn', process: simple('a') });
    const again = await zbc.deployResource({ name: 'deploy-me.bpmn', process: simple('a') });
    const changed = await zbc.deployResource({ name: 'deploy-me.bpmn', process: simple('b') });
    expect(first.deployments[0].process).toMatchObject({ bpmnProcessId: 'deploy-me', version: 1, resourceName: 'deploy-me.bpmn' });
    expect(again.deployments[0].process.processDefinitionKey).toBe(first.deployments[0].process.processDefinitionKey);
    expect(again.deployments[0].process.version).toBe(1);
    expect(changed.deployments[0].process.version).toBe(2);
    expect(BigInt(first.deployments[0].process.processDefinitionKey)).toBeGreaterThan(2251799813685248n);
  });

  it('rejects a task without a job type with INVALID_ARGUMENT naming the element', async () => {
    const broken = bpmnProcess('broken', sequence({ id: 'noType', xml: serviceTask('noType', '') }));
    await expect(engine.zbc.deployResource({ name: 'broken.bpmn', process: broken }))
      .rejects.toMatchObject({ code: 3, details: expect.stringContaining('noType') });
  });

  it('rejects malformed XML with INVALID_ARGUMENT and the resource name', async () => {
    await expect(engine.zbc.deployResource({ name: 'malformed.bpmn', process: Buffer.from('<bpmn:definitions><oops') }))
      .rejects.toMatchObject({ code: 3, details: expect.stringContaining("'malformed.bpmn'") });
  });

  it('rejects a resource of an unknown type with INVALID_ARGUMENT', async () => {
    await expect(engine.zbc.deployResource({ name: 'notes.txt', process: Buffer.from('hello') }))
      .rejects.toMatchObject({ code: 3, details: expect.stringContaining('Resource type is not supported') });
  });

  it('deploys through the deprecated DeployProcess call as well', async () => {
    const response = await engine.zbc.deployProcess({ definition: bpmnProcess('legacy', sequence()), name: 'legacy.bpmn' });
    expect(response.processes[0]).toMatchObject({ bpmnProcessId: 'legacy', version: 1 });
  });

  it('rejects an oversized resource with INVALID_ARGUMENT, not a retryable error', async () => {
    const filler = `<!-- ${'x'.repeat(5 * 1024 * 1024)} -->`;
    const huge = bpmnProcess('huge', `${sequence()}${filler}`);
    await expect(engine.zbc.deployResource({ name: 'huge.bpmn', process: huge })).rejects.toMatchObject({ code: 3 });
  });
});
