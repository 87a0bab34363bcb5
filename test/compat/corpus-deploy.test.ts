/**
 * Every real BPMN file from ../shared is either deployed or rejected with INVALID_ARGUMENT naming an element or the
 * document, through zeebe-node; none crashes, hangs or slows the engine. Hostile resources get the same treatment.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bpmnProcess, sequence, serviceTask, startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import { SHARED, sharedFilesBelow } from '../support/shared-files.js';


let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

type Outcome = { deployed: true } | { deployed: false; code: number; details: string };

async function deploy(name: string, content: Buffer): Promise<Outcome> {
  try {
    await engine.zbc.deployResource({ name, process: content });
    return { deployed: true };
  } catch (error) {
    const { code, details } = error as { code: number; details: string };
    return { deployed: false, code, details };
  }
}

/** The engine still answers a deploy-create-complete round trip quickly. */
async function stillHealthy(): Promise<void> {
  const type = `health-${Date.now()}`;
  await engine.zbc.deployResource({ name: `${type}.bpmn`, process: bpmnProcess(type, sequence({ id: 't', xml: serviceTask('t', type) })) });
  const result = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: type, variables: {}, requestTimeout: 5000 });
  const [job] = await engine.zbc.activateJobs({ type, worker: 'health', maxJobsToActivate: 1, timeout: 5000, requestTimeout: 2000 });
  await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
  await result;
}

describe('real BPMN files', () => {
  it('deploys or rejects every file of the BPMN corpus and the zeebe fixtures with a message that names the problem', async () => {
    const files = ['bpmn-corpus', 'zeebe-fixtures'].flatMap((folder) => sharedFilesBelow(folder, '.bpmn')).map((file) => path.join(SHARED, file));
    expect(files.length).toBeGreaterThan(150);
    const outcomes: { file: string; outcome: Outcome }[] = [];
    for (const file of files) {
      outcomes.push({ file, outcome: await deploy(path.basename(file), await readFile(file)) });
    }
    for (const { file, outcome } of outcomes) {
      if (outcome.deployed) continue;
      expect({ file, code: outcome.code }).toEqual({ file, code: 3 });
      expect(outcome.details).toMatch(/Element: |Element '|XML|process|document|DOCTYPE|namespace|encoding/);
    }
    const deployed = outcomes.filter(({ outcome }) => outcome.deployed).length;
    expect(deployed).toBeGreaterThan(20);
    await stillHealthy();
  }, 120_000);

  it('runs the zeebe-node conditional-pathway fixture down the path its variable chooses', async () => {
    const content = await readFile(path.join(SHARED, 'zeebe-fixtures/testdata/conditional-pathway.bpmn'));
    await engine.zbc.deployResource({ name: 'conditional-pathway.bpmn', process: content });
    const result = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'condition-test', variables: { conditionVariable: false }, requestTimeout: 10000 });
    for (const type of ['wait', 'pathB']) {
      const [job] = await engine.zbc.activateJobs({ type, worker: 'w', maxJobsToActivate: 1, timeout: 5000, requestTimeout: 3000 });
      expect(job.type).toBe(type);
      await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    }
    await result;
  });
});

describe('hostile resources', () => {
  const definitions = (inner: string) => `<?xml version="1.0"?>${inner}<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>`;
  const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;

  it.each([
    ['a DOCTYPE with entity expansion', definitions(laughs)],
    ['an external entity', definitions('<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')],
    ['malformed XML', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process'],
    ['a 50 MB resource', `${definitions('')}<!--${'x'.repeat(50 * 1024 * 1024)}-->`],
  ])('rejects %s with INVALID_ARGUMENT and stays healthy', async (_what, xml) => {
    const outcome = await deploy('hostile.bpmn', Buffer.from(xml));
    expect(outcome).toMatchObject({ deployed: false, code: 3 });
    await stillHealthy();
  }, 60_000);

  it('deploys a process with 10,000 elements without stalling the engine', async () => {
    const tasks = Array.from({ length: 5000 }, (_, i) => ({ id: `t${i}`, xml: serviceTask(`t${i}`, 'big') }));
    const outcome = await deploy('big.bpmn', bpmnProcess('big', sequence(...tasks)));
    expect(outcome).toEqual({ deployed: true });
    await stillHealthy();
  }, 60_000);
});
