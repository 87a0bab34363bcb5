/**
 * Every executable process of the Zeebe corpus and the zeebe-node fixtures deploys, and runs to its end when a test
 * serves its jobs generically; the few files that need what Camunda 8.3 does not run, or that Zeebe 8.3 rejects
 * itself, are listed with their reason and must be rejected naming it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JSONDoc } from 'zeebe-node';
import { startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import type { ProcessDefinition } from '../../engine/state/types.js';
import { InstanceDriver, startOf, type InstanceRun } from './instance-driver.js';
import { SHARED, sharedFilesBelow } from '../support/shared-files.js';

const FOLDERS = ['bpmn-corpus/zeebe', 'zeebe-fixtures'];

/** Camunda 8.3 runs user tasks as jobs of this type, for Tasklist or any other worker. */
const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

/**
 * Files that do not deploy, with what the rejection must name and why. Each is a feature that Camunda 8.3 does not
 * execute (and that comes, if at all, with a later issue), or content that Zeebe 8.3's own validation rejects.
 */
const NOT_DEPLOYABLE: Record<string, { names: string; reason: string }> = {
  'bpmn-corpus/zeebe/bpmnjs__draw__event-subprocess-icons.bpmn': {
    names: "with 'bpmn:ConditionalEventDefinition'", reason: 'a drawing test of every event sub-process start: conditional and compensation starts' },
  'bpmn-corpus/zeebe/bpmnjs__kitchen-sink.bpmn': {
    names: "'bpmn:ComplexGateway'", reason: 'one of every BPMN element, mostly unconfigured: complex gateway, transaction, compensation' },
  'bpmn-corpus/zeebe/c8jssdk__Client-BrokenBpmn.bpmn': {
    names: "Attribute 'type' must be present and not empty", reason: 'broken on purpose: an empty job type (the SDK test expects the rejection)' },
  'zeebe-fixtures/testdata/Client-BrokenBpmn.bpmn': {
    names: "Attribute 'type' must be present and not empty", reason: 'broken on purpose: an empty job type (the zeebe-node test expects the rejection)' },
  'bpmn-corpus/zeebe/c8jssdk__completeUserTask-rest-test-process.bpmn': {
    names: "'zeebe:userTask'", reason: 'a Camunda user task (zeebe:userTask, Camunda 8.5)' },
  'bpmn-corpus/zeebe/c8jssdk__zeebe-user-task.bpmn': {
    names: "'zeebe:userTask'", reason: 'a Camunda user task (zeebe:userTask, Camunda 8.5)' },
  'bpmn-corpus/zeebe/c8jssdk__modeller7File.bpmn': {
    names: 'Not well-formed XML: unexpected end of file', reason: 'the file is cut off in the middle of an element' },
  'zeebe-fixtures/testdata/modeller7File.bpmn': {
    names: 'Not well-formed XML: unexpected end of file', reason: 'the file is cut off in the middle of an element' },
  'bpmn-corpus/zeebe/miwg__Reference__C.8.0.bpmn': {
    names: 'Must contain at least one executable process', reason: 'a descriptive model whose process is not executable' },
  'bpmn-corpus/zeebe/miwg__Reference__C.8.1.bpmn': {
    names: 'Expected expression but found static value', reason: "conditions written without the '=' that makes them FEEL in Zeebe" },
  'bpmn-corpus/zeebe/zbmoddle__simple.bpmn': {
    names: "Expected expression but found static value 'inputs'", reason: "a multi-instance input collection without the '=' of an expression" },
  'bpmn-corpus/zeebe/zbmoddle__userTask-zeebe-formDefinition.bpmn': {
    names: "'zeebe:userTask'", reason: 'a Camunda user task (zeebe:userTask, Camunda 8.5)' },
  'bpmn-corpus/zeebe/zbmoddle__zeebe-adHoc.bpmn': {
    names: "'bpmn:AdHocSubProcess'", reason: 'an ad-hoc sub-process (a later Camunda version)' },
  'bpmn-corpus/zeebe/zbmoddle__zeebe-agentDefinition.bpmn': {
    names: "Must have exactly one 'zeebe:taskDefinition'", reason: 'an AI agent task (zeebe:agentDefinition, a later version) without a job type' },
  'bpmn-corpus/zeebe/zbmoddle__zeebe-bindingType.bpmn': {
    names: "Binding type 'deployment' is not supported yet", reason: 'binding types deployment and versionTag (Camunda 8.6)' },
  'bpmn-corpus/zeebe/zbmoddle__zeebe-businessId.bpmn': {
    names: 'Must have at least one start event', reason: 'a fixture of zeebe:calledElement businessId (a later version) in a process without a start event' },
  'bpmn-corpus/zeebe/zbmoddle__zeebe-conditionalFilter.bpmn': {
    names: "'bpmn:ConditionalEventDefinition'", reason: 'a conditional start event; Camunda 8.3 has no conditional events' },
  'bpmn-corpus/zeebe/zbmoddle__zeebe-execution-listeners.bpmn': {
    names: "'zeebe:executionListeners'", reason: 'execution listeners (Camunda 8.6)' },
  'bpmn-corpus/zeebe/zbmoddle__zeebe-linkedResources.bpmn': {
    names: "Must have exactly one 'zeebe:taskDefinition'", reason: 'an RPA task (zeebe:linkedResources, a later version) without a job type' },
  'bpmn-corpus/zeebe/zbmoddle__zeebe-taskListeners.bpmn': {
    names: "'zeebe:taskListeners'", reason: 'task listeners (a later Camunda version)' },
};

/**
 * Start variables that a process needs and no generic rule can find, by BPMN process id. A missing variable that
 * stops an instance with an incident needs no entry: the driver sets it and resolves the incident.
 */
const START_VARIABLES: Record<string, { variables: JSONDoc; reason: string }> = {
  'looping-servicetask': {
    variables: { totalLoops: 3 },
    reason: "loops back while 'loopAmount != totalLoops', forever without totalLoops; zeebe-process-test starts it with that variable",
  },
};


const files = FOLDERS.flatMap((folder) => sharedFilesBelow(folder, '.bpmn'));
const deployableFiles = files.filter((file) => !(file in NOT_DEPLOYABLE));

type Deployment = { deployed: true; definitions: ProcessDefinition[] } | { deployed: false; code: number; details: string };

let engine: TestEngine;
let driver: InstanceDriver;
const deployments = new Map<string, Deployment>();

async function deploy(file: string): Promise<Deployment> {
  try {
    const response = await engine.zbc.deployResource({ name: path.basename(file), process: readFileSync(path.join(SHARED, file)) });
    const definitions = response.deployments.map(({ process }) => engine.running.engine.state.processes.get(Number(process.processDefinitionKey))!);
    return { deployed: true, definitions };
  } catch (error) {
    const { code, details } = error as { code: number; details: string };
    return { deployed: false, code, details };
  }
}

/**
 * Called processes that no file of the folders defines come from the rest of the corpus, as in the tests of the
 * repository the caller comes from (zeebe-process-test's call activities call its start-end processes).
 */
async function deployCalledProcesses(): Promise<void> {
  const state = engine.running.engine.state;
  const called = [...state.processes.values()].flatMap((definition) => Object.values(definition.model.elements))
    .flatMap((node) => (node.callActivity?.processId.kind === 'static' ? [node.callActivity.processId.value] : []));
  const corpus = sharedFilesBelow('bpmn-corpus', '.bpmn');
  for (const processId of new Set(called)) {
    if (state.latestProcess(processId)) continue;
    const definesIt = new RegExp(`<(\\w+:)?process\\b[^>]*\\bid="${processId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);
    const file = corpus.find((candidate) => definesIt.test(readFileSync(path.join(SHARED, candidate), 'utf8')));
    if (file) await engine.zbc.deployResource({ name: path.basename(file), process: readFileSync(path.join(SHARED, file)) });
  }
}

function servedJobTypes(): Set<string> {
  const nodes = [...engine.running.engine.state.processes.values()].flatMap((definition) => Object.values(definition.model.elements));
  return new Set(nodes.flatMap((node) => [
    ...(node.job?.type.kind === 'static' ? [node.job.type.value] : []),
    ...(node.kind === 'userTask' ? [USER_TASK_JOB_TYPE] : []),
  ]));
}

beforeAll(async () => {
  engine = await startTestEngine();
  for (const file of files) deployments.set(file, await deploy(file));
  await deployCalledProcesses();
  driver = new InstanceDriver(engine, servedJobTypes());
}, 30_000);
afterEach(async () => driver.cancelAll());
afterAll(async () => engine.destroy());

async function run(definition: ProcessDefinition): Promise<InstanceRun & { label: string }> {
  const state = engine.running.engine.state;
  const label = `${definition.bpmnProcessId} v${definition.version}`;
  const start = startOf(definition, state.latestProcess(definition.bpmnProcessId)?.key === definition.key);
  await driver.start(definition, start, START_VARIABLES[definition.bpmnProcessId]?.variables ?? {});
  return { label, ...await driver.drive() };
}

/** The instance ended, or all it waits on is a timer due later than the test waits; never a job, an incident or nothing. */
function expectEndedOrWaitingOnALaterTimer(outcome: InstanceRun & { label: string }): void {
  const { label, ended, gaveUp, rest } = outcome;
  expect({ label, gaveUp, jobs: rest.jobs, incidents: rest.incidents }).toEqual({ label, gaveUp: false, jobs: [], incidents: [] });
  if (ended) return;
  expect({ label, messages: rest.messages, signals: rest.signals }).toEqual({ label, messages: [], signals: [] });
  expect({ label, waitsOnATimer: rest.timers.length > 0 }).toEqual({ label, waitsOnATimer: true });
}

describe('the Zeebe BPMN corpus and the zeebe-node fixtures', () => {
  it('has the files the lists name', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(Object.keys(NOT_DEPLOYABLE).filter((file) => !files.includes(file))).toEqual([]);
    for (const [processId, { variables }] of Object.entries(START_VARIABLES)) {
      const definition = engine.running.engine.state.latestProcess(processId);
      const conditions = Object.values(definition?.model.flows ?? {}).map((flow) => flow.condition ?? '').join('\n');
      expect({ processId, read: Object.keys(variables).filter((name) => conditions.includes(name)) })
        .toEqual({ processId, read: Object.keys(variables) });
    }
  });

  it.each(Object.entries(NOT_DEPLOYABLE).map(([file, { reason }]) => [file, reason]))('rejects %s: %s', (file) => {
    const { names } = NOT_DEPLOYABLE[file];
    expect(deployments.get(file)).toMatchObject({ deployed: false, code: 3, details: expect.stringContaining(names) });
  });

  it.each(deployableFiles)('deploys %s and runs each process to its end or to a timer due later', async (file) => {
    const deployment = deployments.get(file)!;
    expect({ file, deployment }).toMatchObject({ file, deployment: { deployed: true } });
    if (!deployment.deployed) return;
    for (const definition of deployment.definitions) {
      const outcome = await run(definition);
      expectEndedOrWaitingOnALaterTimer(outcome);
      await driver.cancelAll();
    }
  });
});
