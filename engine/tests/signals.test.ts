/** Signals through zeebe-node: broadcast to catch, boundary and start events and event sub-processes; throw and end events. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  activateOne, activeElementIds, bpmnProcess, eventually, flow, isInstanceActive, serviceTask, startTestEngine, type TestEngine,
} from './harness.js';
import { boundaryEvent, catchEvent, endEvent, eventSubProcess, signal, signalDefinition, startEvent, throwEvent } from './event-xml.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

describe('signals', () => {
  it('reaches every waiting instance with its variables, and nothing is buffered for later ones', async () => {
    const body = ['<bpmn:startEvent id="start" />', catchEvent('closed', signalDefinition('office-closed')), '<bpmn:endEvent id="end" />',
      flow('f1', 'start', 'closed'), flow('f2', 'closed', 'end')].join('');
    await engine.zbc.deployResource({ name: 'closure.bpmn', process: bpmnProcess('closure', body, signal('office-closed')) });
    const first = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'closure', variables: { n: 1 }, requestTimeout: 10_000 });
    const second = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'closure', variables: { n: 2 }, requestTimeout: 10_000 });
    await eventually(() => engine.running.engine.state.signalSubscriptions.size >= 2);
    const { key } = await engine.zbc.broadcastSignal({ signalName: 'office-closed', variables: { reopens: '2026-12-01' } });
    expect(key).toMatch(/^\d+$/);
    expect((await first).variables).toEqual({ n: 1, reopens: '2026-12-01' });
    expect((await second).variables).toEqual({ n: 2, reopens: '2026-12-01' });
    const later = await engine.zbc.createProcessInstance({ bpmnProcessId: 'closure', variables: {} });
    expect(activeElementIds(engine, later.processInstanceKey)).toEqual(['closed']);
  });

  it('starts an instance at a signal start event', async () => {
    const body = [startEvent('warned', signalDefinition('storm-warning')), serviceTask('secure', 'secure-sites'), '<bpmn:endEvent id="end" />',
      flow('f1', 'warned', 'secure'), flow('f2', 'secure', 'end')].join('');
    await engine.zbc.deployResource({ name: 'storm.bpmn', process: bpmnProcess('storm', body, signal('storm-warning')) });
    await engine.zbc.broadcastSignal({ signalName: 'storm-warning', variables: { level: 3 } });
    expect((await activateOne(engine, 'secure-sites')).variables).toEqual({ level: 3 });
  });

  it('interrupts a task with a signal boundary event and runs a non-interrupting signal event sub-process', async () => {
    const body = [
      '<bpmn:startEvent id="start" />', serviceTask('work', 'signal-work'),
      boundaryEvent('abort', 'work', signalDefinition('abort')), serviceTask('cleanup', 'signal-cleanup'),
      '<bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'work'), flow('f2', 'work', 'end'), flow('f3', 'abort', 'cleanup'), flow('f4', 'cleanup', 'end2'),
      eventSubProcess('log', signalDefinition('audit'), false, 'write', serviceTask('write', 'signal-audit')),
    ].join('');
    await engine.zbc.deployResource({ name: 'signalled.bpmn', process: bpmnProcess('signalled', body, signal('abort') + signal('audit')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'signalled', variables: {} });
    await activateOne(engine, 'signal-work');
    await engine.zbc.broadcastSignal({ signalName: 'audit', variables: {} });
    await activateOne(engine, 'signal-audit');
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['log', 'work', 'write']);
    await engine.zbc.broadcastSignal({ signalName: 'abort', variables: {} });
    await activateOne(engine, 'signal-cleanup');
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['cleanup', 'log', 'write']);
  });

  it('broadcasts from signal throw and end events inside processes', async () => {
    const waiting = ['<bpmn:startEvent id="start" />', catchEvent('go', signalDefinition('go')), '<bpmn:endEvent id="end" />',
      flow('f1', 'start', 'go'), flow('f2', 'go', 'end')].join('');
    await engine.zbc.deployResource({ name: 'waits-for-go.bpmn', process: bpmnProcess('waits-for-go', waiting, signal('go')) });
    const thrower = ['<bpmn:startEvent id="start" />', throwEvent('send-go', signalDefinition('go')), endEvent('end', signalDefinition('go')),
      flow('f1', 'start', 'send-go'), flow('f2', 'send-go', 'end')].join('');
    await engine.zbc.deployResource({ name: 'sends-go.bpmn', process: bpmnProcess('sends-go', thrower, signal('go')) });
    const waiter = await engine.zbc.createProcessInstance({ bpmnProcessId: 'waits-for-go', variables: {} });
    await engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'sends-go', variables: {}, requestTimeout: 5000 });
    await eventually(() => !isInstanceActive(engine, waiter.processInstanceKey));
  });
});
