/** Timer events through zeebe-node: durations, dates, cycles, boundaries, start events and event sub-processes. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  activateOne, activeElementIds, bpmnProcess, eventually, flow, isInstanceActive, rawGateway, serviceTask, startTestEngine, unaryCall,
  type TestEngine,
} from './harness.js';
import { boundaryEvent, catchEvent, endEvent, eventSubProcess, startEvent, timerDefinition } from './event-xml.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

const state = () => engine.running.engine.state;

function waitFor(id: string, definition: string): Buffer {
  const body = ['<bpmn:startEvent id="start" />', catchEvent('wait', definition), '<bpmn:endEvent id="end" />', flow('f1', 'start', 'wait'), flow('f2', 'wait', 'end')].join('');
  return bpmnProcess(id, body);
}

describe('intermediate timer catch events', () => {
  it('waits for a duration, then goes on', async () => {
    await engine.zbc.deployResource({ name: 'pause.bpmn', process: waitFor('pause', timerDefinition('timeDuration', 'PT0.4S')) });
    const started = Date.now();
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'pause', variables: {} });
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['wait']);
    await eventually(() => !isInstanceActive(engine, processInstanceKey));
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('takes its duration from a FEEL expression over the instance variables', async () => {
    await engine.zbc.deployResource({ name: 'feel-pause.bpmn', process: waitFor('feel-pause', timerDefinition('timeDuration', '=waitFor')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'feel-pause', variables: { waitFor: 'PT0.2S' } });
    const timer = [...state().timers.values()].find((t) => String(t.processInstanceKey) === processInstanceKey)!;
    expect(timer.dueDate - Date.now()).toBeLessThanOrEqual(200);
    await eventually(() => !isInstanceActive(engine, processInstanceKey));
  });

  it('fires at once when its date has passed', async () => {
    await engine.zbc.deployResource({ name: 'past.bpmn', process: waitFor('past', timerDefinition('timeDate', '2020-01-01T00:00:00Z')) });
    const result = await engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'past', variables: { done: true }, requestTimeout: 5000 });
    expect(result.variables).toEqual({ done: true });
  });

  it('incidents an instance whose timer expression yields no duration', async () => {
    await engine.zbc.deployResource({ name: 'bad-pause.bpmn', process: waitFor('bad-pause', timerDefinition('timeDuration', '=waitFor')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'bad-pause', variables: { waitFor: 42 } });
    const incident = await eventually(() => [...state().incidents.values()].find((i) => String(i.processInstanceKey) === processInstanceKey));
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'wait' });
  });
});

describe('deploying timers', () => {
  it('rejects a timer whose static value is no ISO 8601 duration, naming the element and the text', async () => {
    const deployed = engine.zbc.deployResource({ name: 'typo.bpmn', process: waitFor('typo', timerDefinition('timeCycle', 'R3/PT10X')) });
    await expect(deployed).rejects.toMatchObject({ code: 3, details: expect.stringMatching(/Element: wait[\s\S]*'PT10X'/) });
  });
});

describe('timer boundary events', () => {
  it('interrupts a task that took too long', async () => {
    const body = [
      '<bpmn:startEvent id="start" />', serviceTask('review', 'slow-review'),
      boundaryEvent('too-late', 'review', timerDefinition('timeDuration', 'PT0.3S')),
      serviceTask('escalate', 'escalate-review'), '<bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'review'), flow('f2', 'review', 'end'), flow('f3', 'too-late', 'escalate'), flow('f4', 'escalate', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'deadline.bpmn', process: bpmnProcess('deadline', body) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'deadline', variables: {} });
    await eventually(() => activeElementIds(engine, processInstanceKey).includes('escalate'));
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['escalate']);
  });

  it('cancels the timer when the task completes in time', async () => {
    const body = [
      '<bpmn:startEvent id="start" />', serviceTask('quick', 'quick-review'),
      boundaryEvent('late', 'quick', timerDefinition('timeDuration', 'PT10M')),
      '<bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'quick'), flow('f2', 'quick', 'end'), flow('f3', 'late', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'in-time.bpmn', process: bpmnProcess('in-time', body) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'in-time', variables: {} });
    expect([...state().timers.values()].filter((t) => String(t.processInstanceKey) === processInstanceKey)).toHaveLength(1);
    const job = await activateOne(engine, 'quick-review');
    await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    expect([...state().timers.values()].filter((t) => String(t.processInstanceKey) === processInstanceKey)).toEqual([]);
  });

  it('fires a non-interrupting cycle exactly as often as the cycle says', async () => {
    const body = [
      '<bpmn:startEvent id="start" />', serviceTask('long', 'long-running'),
      boundaryEvent('reminder', 'long', timerDefinition('timeCycle', 'R3/PT0.2S'), false),
      serviceTask('remind', 'send-reminder'), '<bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'long'), flow('f2', 'long', 'end'), flow('f3', 'reminder', 'remind'), flow('f4', 'remind', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'reminders.bpmn', process: bpmnProcess('reminders', body) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'reminders', variables: {} });
    await eventually(() => activeElementIds(engine, processInstanceKey).filter((id) => id === 'remind').length === 3, 5000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['long', 'remind', 'remind', 'remind']);
    expect([...state().timers.values()].filter((t) => String(t.processInstanceKey) === processInstanceKey)).toEqual([]);
  });
});

describe('timer start events and event sub-processes', () => {
  it('starts instances on the cycle of a timer start event, and a new version replaces the old timer', async () => {
    const body = (type: string, cycle: string) => [
      startEvent('tick', timerDefinition('timeCycle', cycle)), serviceTask('work', type), '<bpmn:endEvent id="end" />',
      flow('f1', 'tick', 'work'), flow('f2', 'work', 'end'),
    ].join('');
    await engine.zbc.deployResource({ name: 'nightly.bpmn', process: bpmnProcess('nightly', body('nightly-v1', 'R2/PT0.2S')) });
    const instancesOf = (version: number) => [...state().elementInstances.values()]
      .filter((e) => e.flowScopeKey === -1 && state().processes.get(e.processDefinitionKey)!.bpmnProcessId === 'nightly'
        && state().processes.get(e.processDefinitionKey)!.version === version);
    await eventually(() => instancesOf(1).length === 2, 3000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(instancesOf(1)).toHaveLength(2);

    await engine.zbc.deployResource({ name: 'nightly.bpmn', process: bpmnProcess('nightly', body('nightly-v2', 'R/PT1H')) });
    const timers = [...state().timers.values()].filter((t) => t.elementInstanceKey === -1 && state().processes.get(t.processDefinitionKey)!.bpmnProcessId === 'nightly');
    expect(timers).toHaveLength(1);
    expect(state().processes.get(timers[0].processDefinitionKey)!.version).toBe(2);
  });

  it('gives the timer start event back to the previous version when the latest is deleted', async () => {
    const body = (cycle: string) => [startEvent('tick', timerDefinition('timeCycle', cycle)), '<bpmn:endEvent id="end" />', flow('f1', 'tick', 'end')].join('');
    await engine.zbc.deployResource({ name: 'weekly.bpmn', process: bpmnProcess('weekly', body('R/P7D')) });
    const v2 = await engine.zbc.deployResource({ name: 'weekly.bpmn', process: bpmnProcess('weekly', body('R/P14D')) });
    const startTimers = () => [...state().timers.values()]
      .filter((t) => t.elementInstanceKey === -1 && state().processes.get(t.processDefinitionKey)?.bpmnProcessId === 'weekly')
      .map((t) => ({ version: state().processes.get(t.processDefinitionKey)?.version, cycle: t.cycle }));
    expect(startTimers()).toEqual([{ version: 2, cycle: 'R/P14D' }]);
    const raw = rawGateway(engine.running.gatewayAddress);
    try {
      await unaryCall(raw, 'DeleteResource', { resourceKey: v2.deployments[0].process.processDefinitionKey });
    } finally {
      raw.close();
    }
    expect(startTimers()).toEqual([{ version: 1, cycle: 'R/P7D' }]);
  });

  it('interrupts the process with a timer event sub-process', async () => {
    const body = [
      '<bpmn:startEvent id="start" />', serviceTask('wait', 'wait-for-payment'), endEvent('end'),
      flow('f1', 'start', 'wait'), flow('f2', 'wait', 'end'),
      eventSubProcess('dunning', timerDefinition('timeDuration', 'PT0.3S'), true, 'dun', serviceTask('dun', 'send-dunning')),
    ].join('');
    await engine.zbc.deployResource({ name: 'overdue.bpmn', process: bpmnProcess('overdue', body) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'overdue', variables: {} });
    await activateOne(engine, 'wait-for-payment');
    await eventually(() => activeElementIds(engine, processInstanceKey).includes('dun'));
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['dun', 'dunning']);
  });
});
