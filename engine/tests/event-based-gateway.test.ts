/** Event-based gateways: the first event after the gateway wins, the others' subscriptions close. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, eventually, flow, startTestEngine, type TestEngine } from './harness.js';
import { catchEvent, message, messageDefinition, timerDefinition } from './event-xml.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

const mark = (id: string, value: string) =>
  `<bpmn:scriptTask id="${id}"><bpmn:extensionElements><zeebe:script expression="=&quot;${value}&quot;" resultVariable="outcome" /></bpmn:extensionElements></bpmn:scriptTask>`;

describe('event-based gateway', () => {
  beforeAll(async () => {
    const body = [
      '<bpmn:startEvent id="start" />', '<bpmn:eventBasedGateway id="which" />',
      catchEvent('paid', messageDefinition('payment')), catchEvent('overdue', timerDefinition('timeDuration', 'PT0.5S')),
      mark('markPaid', 'paid'), mark('markOverdue', 'overdue'), '<bpmn:endEvent id="end1" /><bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'which'), flow('f2', 'which', 'paid'), flow('f3', 'which', 'overdue'),
      flow('f4', 'paid', 'markPaid'), flow('f5', 'overdue', 'markOverdue'), flow('f6', 'markPaid', 'end1'), flow('f7', 'markOverdue', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'await-payment.bpmn', process: bpmnProcess('await-payment', body, message('payment')) });
  });

  it('takes the message path when the message comes first, with its variables, and drops the timer', async () => {
    const result = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'await-payment', variables: { key: 'INV-1' }, requestTimeout: 5000 });
    await eventually(() => [...engine.running.engine.state.messageSubscriptions.values()].some((s) => s.correlationKey === 'INV-1'));
    await engine.zbc.publishMessage({ name: 'payment', correlationKey: 'INV-1', variables: { amount: 35 }, timeToLive: 0 });
    expect((await result).variables).toEqual({ key: 'INV-1', amount: 35, outcome: 'paid' });
    expect([...engine.running.engine.state.timers.values()].filter((t) => t.targetElementId === 'overdue')).toEqual([]);
  });

  it('takes the timer path when no message comes in time, and closes the message subscription', async () => {
    const result = await engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'await-payment', variables: { key: 'INV-2' }, requestTimeout: 5000 });
    expect(result.variables.outcome).toBe('overdue');
    expect([...engine.running.engine.state.messageSubscriptions.values()].filter((s) => s.correlationKey === 'INV-2')).toEqual([]);
  });
});
