/**
 * The runtime against the embedded engine: inputs, results, BPMN errors, retries, secrets, messages, long jobs,
 * shutdown.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConnectorError, defineConnector, type PublishedMessage } from '../sdk/index.js';
import {
  bpmnProcess, connectorProcess, connectorTask, eventually, flow, incidentOf, runToEnd, startConnectorTestBed, type ConnectorTestBed,
} from '../testing/connector-test-bed.js';
import { catchEvent, message, messageDefinition } from '../testing/engine-test-support.js';
import { RELEASED_AT_SHUTDOWN } from './connector-worker.js';

/** Looks a dog's tax class up; the test controls failures through the input. */
const attemptsSeen: number[] = [];
const taxClass = defineConnector<{ breed: string; dogCount: number; failTimes?: number; apiKey?: string }, { taxClass: string; yearlyCents: number }>({
  type: 'test:tax-class:1',
  name: 'Tax class',
  description: 'Classifies a dog for the Hundesteuer',
  input: {
    type: 'object',
    required: ['breed', 'dogCount'],
    properties: {
      breed: { type: 'string', minLength: 1 },
      dogCount: { type: 'integer', minimum: 1, 'x-template': { binding: 'header' } },
      failTimes: { type: 'integer' },
      apiKey: { type: 'string', 'x-template': { secret: true } },
    },
  },
  output: { type: 'object', required: ['taxClass', 'yearlyCents'], properties: { taxClass: { type: 'string' }, yearlyCents: { type: 'integer' } } },
  errors: [{ code: 'DANGEROUS_DOG', description: 'The breed is listed in §3 LHundG NRW' }],
  retryBackoff: { initialMs: 20, maxMs: 1000 },
  async run(input, context) {
    attemptsSeen.push(context.job.attempt);
    if (input.apiKey !== undefined && input.apiKey !== 'Bearer k-123') throw new Error('wrong api key');
    if (input.apiKey !== undefined) throw new Error(`upstream rejected key ${input.apiKey}`);
    if (context.job.attempt <= (input.failTimes ?? 0)) throw new Error('Steueramt nicht erreichbar');
    if (input.breed === 'Pitbull Terrier') throw new ConnectorError('DANGEROUS_DOG', 'Gefährlicher Hund nach §3', { category: '§3' });
    const yearlyCents = input.dogCount === 1 ? 12_500 : 13_500;
    return { taxClass: 'standard', yearlyCents };
  },
});

/** One entry per started run of the slow connector; the test finishes a run with its `release`. */
const slowRuns: { release: () => void }[] = [];
const releaseRun = async (count: number) => {
  await eventually(() => slowRuns.length >= count, 10_000);
  slowRuns[count - 1].release();
};
const slow = defineConnector<{ label: string }, { done: string }>({
  type: 'test:slow:1',
  name: 'Slow work',
  description: 'Waits until the test lets it finish',
  input: { type: 'object', properties: { label: { type: 'string' } } },
  timeoutMs: 400,
  run(input, context) {
    return new Promise((resolve, reject) => {
      slowRuns.push({ release: () => resolve({ done: input.label }) });
      context.signal.addEventListener('abort', () => reject(new Error('aborted')));
    });
  },
});

/** Counts how many of its runs are in progress at once; each run waits for the test. */
const gateRuns: (() => void)[] = [];
let gateRunning = 0;
let gateMaxRunning = 0;
const gate = defineConnector<Record<string, never>, Record<string, never>>({
  type: 'test:gate:1',
  name: 'Gate',
  description: 'Waits until the test opens it',
  input: { type: 'object', properties: {} },
  maxConcurrentJobs: 2,
  run() {
    gateRunning += 1;
    gateMaxRunning = Math.max(gateMaxRunning, gateRunning);
    return new Promise((resolve) => gateRuns.push(() => {
      gateRunning -= 1;
      resolve({});
    }));
  },
});

/** Tells a waiting process that an Antrag was checked, by a message published from the job. */
const announce = defineConnector<{ antragId: string; result: string }, PublishedMessage>({
  type: 'test:announce:1',
  name: 'Announce',
  description: 'Publishes antrag-geprueft for an Antrag',
  input: { type: 'object', required: ['antragId', 'result'], properties: { antragId: { type: 'string' }, result: { type: 'string' } } },
  run(input, context) {
    return context.publishMessage({
      name: 'antrag-geprueft', correlationKey: input.antragId, messageId: `geprueft-${input.antragId}`, timeToLiveMs: 60_000, variables: { pruefung: input.result },
    });
  },
});

let bed: ConnectorTestBed;
beforeAll(async () => {
  bed = await startConnectorTestBed([taxClass, slow, announce], { secretValues: { TAX_API_KEY: 'k-123' }, shutdownGraceMs: 60_000 });
});
afterAll(async () => bed.destroy());

const taxSetup = (extraInputs: Record<string, string> = {}) => ({
  inputs: { breed: '=dog.breed', ...extraInputs },
  headers: { dogCount: '1', resultVariable: 'tax' },
});

describe('a connector in a process', () => {
  it('runs a service task of its type to the end, with inputs from mappings and headers and the result in a variable', async () => {
    const variables = await runToEnd(bed, 'tax-plain', connectorProcess('tax-plain', taxClass.type, taxSetup()), { dog: { breed: 'Dackel' } });
    expect(variables.tax).toEqual({ taxClass: 'standard', yearlyCents: 12_500 });
  });

  it('maps the result with a FEEL result expression', async () => {
    const setup = { inputs: { breed: '=dog.breed' }, headers: { dogCount: '2', resultExpression: '={ hundesteuerCents: yearlyCents }' } };
    const variables = await runToEnd(bed, 'tax-expression', connectorProcess('tax-expression', taxClass.type, setup), { dog: { breed: 'Pudel' } });
    expect(variables.hundesteuerCents).toBe(13_500);
    expect(variables.taxClass).toBeUndefined();
  });

  it('fails a job with bad input at once, without retries, with an incident naming the field', async () => {
    await bed.engine.zbc.deployResource({ name: 'tax-bad.bpmn', process: connectorProcess('tax-bad', taxClass.type, taxSetup()) });
    const { processInstanceKey } = await bed.engine.zbc.createProcessInstance({ bpmnProcessId: 'tax-bad', variables: { dog: { breed: '' } } });
    const incident = await incidentOf(bed, processInstanceKey);
    expect(incident.errorType).toBe('JOB_NO_RETRIES');
    expect(incident.errorMessage).toContain("input 'breed' must NOT have fewer than 1 characters");
    const job = bed.engine.running.engine.state.jobs.get(incident.jobKey)!;
    expect(job.retries).toBe(0);
  });

  it('names a missing required field', async () => {
    const setup = { inputs: {}, headers: { dogCount: '1' } };
    await bed.engine.zbc.deployResource({ name: 'tax-missing.bpmn', process: connectorProcess('tax-missing', taxClass.type, setup) });
    const { processInstanceKey } = await bed.engine.zbc.createProcessInstance({ bpmnProcessId: 'tax-missing', variables: {} });
    expect((await incidentOf(bed, processInstanceKey)).errorMessage).toBe("Invalid input for connector 'test:tax-class:1': input 'breed' is required");
  });

  it('throws a ConnectorError as a BPMN error that an error boundary event catches, with its variables', async () => {
    const body = ['<bpmn:startEvent id="start" />', connectorTask('task', taxClass.type, taxSetup()),
      '<bpmn:boundaryEvent id="dangerous" attachedToRef="task"><bpmn:extensionElements><zeebe:ioMapping>'
        + '<zeebe:output source="=category" target="dangerCategory" /></zeebe:ioMapping></bpmn:extensionElements>'
        + '<bpmn:errorEventDefinition errorRef="Error_DANGEROUS_DOG" /></bpmn:boundaryEvent>',
      '<bpmn:endEvent id="end" />', '<bpmn:endEvent id="ordnungsamt" />',
      flow('f1', 'start', 'task'), flow('f2', 'task', 'end'), flow('f3', 'dangerous', 'ordnungsamt')].join('');
    const bpmn = bpmnProcess('tax-error', body, '<bpmn:error id="Error_DANGEROUS_DOG" name="Dangerous dog" errorCode="DANGEROUS_DOG" />');
    const variables = await runToEnd(bed, 'tax-error', bpmn, { dog: { breed: 'Pitbull Terrier' } });
    expect(variables.dangerCategory).toBe('§3');
    expect(variables.tax).toBeUndefined();
    const thrown = await eventually(() => bed.logLines.find((line) => line.msg === 'Job ended with a BPMN error'));
    expect(thrown).toMatchObject({ errorCode: 'DANGEROUS_DOG', connectorType: 'test:tax-class:1', jobKey: expect.any(String), processInstanceKey: expect.any(String) });
  });

  it('retries a transient failure with exponential back-off and then succeeds', async () => {
    attemptsSeen.length = 0;
    const variables = await runToEnd(bed, 'tax-flaky', connectorProcess('tax-flaky', taxClass.type, taxSetup({ failTimes: '=2' })), { dog: { breed: 'Beagle' } });
    expect(variables.tax).toEqual({ taxClass: 'standard', yearlyCents: 12_500 });
    expect(attemptsSeen).toEqual([1, 2, 3]);
    const failures = bed.logLines.filter((line) => line.msg === 'Job failed' && line.connectorType === taxClass.type && line.error === 'Steueramt nicht erreichbar');
    expect(failures.map((line) => [line.retries, line.retryBackOffMs])).toEqual([[2, 20], [1, 40]]);
    for (const line of failures) expect(line).toEqual(expect.objectContaining({ jobKey: expect.any(String), processInstanceKey: expect.any(String) }));
  });

  it('resolves secret placeholders and keeps the secret out of the incident message', async () => {
    const setup = taxSetup({ apiKey: '="Bearer {{secrets.TAX_API_KEY}}"' });
    await bed.engine.zbc.deployResource({ name: 'tax-secret.bpmn', process: connectorProcess('tax-secret', taxClass.type, { ...setup, retries: 1 }) });
    const { processInstanceKey } = await bed.engine.zbc.createProcessInstance({ bpmnProcessId: 'tax-secret', variables: { dog: { breed: 'Mops' } } });
    const incident = await incidentOf(bed, processInstanceKey);
    // The connector saw the resolved key (otherwise it would have said "wrong api key"); its message is redacted.
    expect(incident.errorMessage).toBe('upstream rejected key Bearer ***');
    expect(JSON.stringify(bed.logLines)).not.toContain('k-123');
  });
});

describe('messages from a connector', () => {
  it('publishes a message that a waiting instance correlates, and reports a repeated message id as a duplicate', async () => {
    const waiting = bpmnProcess('antrag-wartet', ['<bpmn:startEvent id="start" />', catchEvent('geprueft', messageDefinition('antrag-geprueft')),
      '<bpmn:endEvent id="end" />', flow('f1', 'start', 'geprueft'), flow('f2', 'geprueft', 'end')].join(''), message('antrag-geprueft', '=antragId'));
    await bed.engine.zbc.deployResource({ name: 'antrag-wartet.bpmn', process: waiting });
    const waited = bed.engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'antrag-wartet', variables: { antragId: 'A-17' }, requestTimeout: 20_000 });

    const inputs = { antragId: '=antragId', result: 'vollständig' };
    const body = ['<bpmn:startEvent id="start" />',
      connectorTask('first', announce.type, { inputs, headers: { resultVariable: 'first' } }),
      connectorTask('again', announce.type, { inputs, headers: { resultVariable: 'again' } }),
      '<bpmn:endEvent id="end" />', flow('f1', 'start', 'first'), flow('f2', 'first', 'again'), flow('f3', 'again', 'end')].join('');
    const announced = await runToEnd(bed, 'antrag-pruefen', bpmnProcess('antrag-pruefen', body), { antragId: 'A-17' });

    expect(announced.first).toEqual({ outcome: 'published', messageKey: expect.stringMatching(/^\d+$/) });
    expect(announced.again).toEqual({ outcome: 'duplicate' });
    expect((await waited).variables).toMatchObject({ antragId: 'A-17', pruefung: 'vollständig' });
  });
});

describe('the runtime', () => {
  it('counts outcomes and durations per connector type', () => {
    const metrics = bed.runtime.metrics()[taxClass.type];
    expect(metrics.outcomes.completed).toBeGreaterThanOrEqual(3);
    expect(metrics.outcomes.invalidInput).toBeGreaterThanOrEqual(2);
    expect(metrics.outcomes.bpmnError).toBeGreaterThanOrEqual(1);
    expect(metrics.outcomes.failed).toBeGreaterThanOrEqual(2);
    expect(metrics.durationMs.count).toBe(metrics.activated - metrics.active);
  });

  it('keeps a job that runs longer than its timeout, extending the timeout instead of losing it', async () => {
    await bed.engine.zbc.deployResource({ name: 'slow.bpmn', process: connectorProcess('slow', slow.type, { inputs: { label: 'lang' }, headers: { resultVariable: 'slowResult' } }) });
    const result = bed.engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'slow', variables: {}, requestTimeout: 20_000 });
    // Wait until the timeout was extended twice: the job has outlived its 400 ms timeout and is still ours.
    await eventually(() => bed.runtime.metrics()[slow.type].timeoutExtensions >= 3, 10_000);
    await releaseRun(1);
    expect((await result).variables.slowResult).toEqual({ done: 'lang' });
    expect(bed.runtime.metrics()[slow.type].activated).toBe(1);
  });
});

describe('concurrency', () => {
  it('runs no more jobs of a type at once than its limit', async () => {
    const runtime = bed.startRuntime({ connectors: [gate] });
    await bed.engine.zbc.deployResource({ name: 'gate.bpmn', process: connectorProcess('gate', gate.type) });
    const instances = await Promise.all([1, 2, 3, 4].map(() => bed.engine.zbc.createProcessInstance({ bpmnProcessId: 'gate', variables: {} })));
    await eventually(() => gateRuns.length === 2, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gateRuns).toHaveLength(2);
    for (let opened = 0; opened < 4; opened++) {
      await eventually(() => gateRuns.length > opened, 10_000);
      gateRuns[opened]();
    }
    await eventually(() => instances.every(({ processInstanceKey }) => !bed.engine.running.engine.state.elementInstances.has(Number(processInstanceKey))), 10_000);
    expect(gateMaxRunning).toBe(2);
    await eventually(() => runtime.metrics()[gate.type].outcomes.completed === 4, 10_000);
    await runtime.stop();
  });
});

describe('shutdown', () => {
  it('lets a running job finish before it stops', async () => {
    const runtime = bed.startRuntime({ connectors: [slow], shutdownGraceMs: 60_000 });
    await bed.runtime.stop();
    const result = bed.engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'slow', variables: {}, requestTimeout: 20_000 });
    await eventually(() => slowRuns.length === 2, 10_000);
    let stopped = false;
    const stopping = runtime.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    await releaseRun(2);
    await stopping;
    expect((await result).variables.slowResult).toEqual({ done: 'lang' });
    expect(runtime.metrics()[slow.type].outcomes.completed).toBe(1);
  });

  it('hands a job back with its retries unchanged when it does not finish within the grace period', async () => {
    const runtime = bed.startRuntime({ connectors: [slow], shutdownGraceMs: 100 });
    const { processInstanceKey } = await bed.engine.zbc.createProcessInstance({ bpmnProcessId: 'slow', variables: {} });
    await eventually(() => slowRuns.length === 3, 10_000);
    await runtime.stop();
    expect(runtime.metrics()[slow.type].outcomes.released).toBe(1);
    const job = [...bed.engine.running.engine.state.jobs.values()].find((each) => String(each.processInstanceKey) === processInstanceKey)!;
    expect(job).toMatchObject({ state: 'ACTIVATABLE', retries: 3, errorMessage: RELEASED_AT_SHUTDOWN });
    expect([...bed.engine.running.engine.state.incidents.values()].some((i) => String(i.processInstanceKey) === processInstanceKey)).toBe(false);
    // Another runtime picks it up and finishes it.
    bed.startRuntime({ connectors: [slow] });
    await releaseRun(4);
    await eventually(() => !bed.engine.running.engine.state.elementInstances.has(Number(processInstanceKey)), 10_000);
  });
});
