/** Messages through zeebe-node: correlation, buffering and time to live, message ids, start events, boundaries. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  activateOne, activeElementIds, bpmnProcess, eventually, flow, isInstanceActive, serviceTask, startTestEngine, type TestEngine,
} from './harness.js';
import {
  boundaryEvent, catchEvent, endEvent, eventSubProcess, message, messageDefinition, startEvent, startMessage,
} from './event-xml.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

/** start → catch a message `answer` (correlated by `key`) → end. */
async function deployWaitingForAnswer(id: string): Promise<void> {
  const body = [
    '<bpmn:startEvent id="start" />',
    catchEvent('answer', messageDefinition('answer')),
    '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'answer'), flow('f2', 'answer', 'end'),
  ].join('');
  await engine.zbc.deployResource({ name: `${id}.bpmn`, process: bpmnProcess(id, body, message('answer')) });
}

const publish = (correlationKey: string, variables: Record<string, unknown> = {}, timeToLive = 0, messageId?: string) =>
  engine.zbc.publishMessage({ name: 'answer', correlationKey, variables, timeToLive, ...(messageId && { messageId }) });

describe('intermediate message catch events', () => {
  it('completes when a message with its correlation key arrives and merges the message variables', async () => {
    await deployWaitingForAnswer('citizen-answer');
    const result = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'citizen-answer', variables: { key: 'A-1' }, requestTimeout: 10_000 });
    await eventually(() => engine.running.engine.state.messageSubscriptions.size > 0);
    await publish('B-2', { answer: 'wrong instance' });
    await publish('A-1', { answer: 'Ja' });
    expect((await result).variables).toEqual({ key: 'A-1', answer: 'Ja' });
  });

  it('correlates a message buffered with a time to live to a subscription opened later', async () => {
    await deployWaitingForAnswer('late-subscriber');
    await publish('L-1', { answer: 'early' }, 60_000);
    const result = await engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'late-subscriber', variables: { key: 'L-1' }, requestTimeout: 10_000 });
    expect(result.variables.answer).toBe('early');
  });

  it('does not correlate a message whose time to live ran out', async () => {
    await deployWaitingForAnswer('expired');
    await publish('E-1', { answer: 'too old' }, 200);
    await eventually(() => ![...engine.running.engine.state.messages.values()].some((m) => m.correlationKey === 'E-1'));
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'expired', variables: { key: 'E-1' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['answer']);
    await publish('E-1', { answer: 'fresh' });
    await eventually(() => !isInstanceActive(engine, processInstanceKey));
  });

  it('correlates a message to one instance of a process only, the one that subscribed first', async () => {
    await deployWaitingForAnswer('once-per-process');
    const first = await engine.zbc.createProcessInstance({ bpmnProcessId: 'once-per-process', variables: { key: 'same' } });
    const second = await engine.zbc.createProcessInstance({ bpmnProcessId: 'once-per-process', variables: { key: 'same' } });
    await publish('same', {}, 60_000);
    await eventually(() => !isInstanceActive(engine, first.processInstanceKey));
    expect(isInstanceActive(engine, second.processInstanceKey)).toBe(true);
    await publish('same');
    await eventually(() => !isInstanceActive(engine, second.processInstanceKey));
  });

  it('rejects a message without a name and a negative time to live, and a signal without a name', async () => {
    await expect(engine.zbc.publishMessage({ name: '', correlationKey: 'x', variables: {}, timeToLive: 0 })).rejects.toMatchObject({ code: 3 });
    await expect(engine.zbc.publishMessage({ name: 'answer', correlationKey: 'x', variables: {}, timeToLive: -5 }))
      .rejects.toMatchObject({ code: 3, details: expect.stringContaining('time to live') });
    await expect(engine.zbc.broadcastSignal({ signalName: ' ', variables: {} })).rejects.toMatchObject({ code: 3 });
  });

  it('rejects a second message with the same id while the first is buffered, and accepts it once that expired', async () => {
    await publish('dup', {}, 300, 'payment-4711');
    const duplicate = await publish('dup', {}, 300, 'payment-4711').catch((error: { code: number; details: string }) => error);
    expect(duplicate).toMatchObject({ code: 6, details: expect.stringContaining("message with id 'payment-4711'") });
    await eventually(() => engine.running.engine.state.messageIds.size === 0, 3000);
    await expect(publish('dup', {}, 300, 'payment-4711')).resolves.toMatchObject({ key: expect.any(String) });
  });

  it('incidents an instance whose correlation key expression yields nothing, and goes on once the variable is set', async () => {
    await deployWaitingForAnswer('no-key');
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'no-key', variables: {} });
    const incident = await eventually(() => [...engine.running.engine.state.incidents.values()].find((i) => String(i.processInstanceKey) === processInstanceKey));
    expect(incident.errorType).toBe('EXTRACT_VALUE_ERROR');
    expect(incident.errorMessage).toContain('correlation key');
    await engine.zbc.setVariables({ elementInstanceKey: processInstanceKey, variables: { key: 'K-9' }, local: false });
    await engine.zbc.resolveIncident({ incidentKey: String(incident.key) });
    await publish('K-9');
    await eventually(() => !isInstanceActive(engine, processInstanceKey));
  });
});

describe('receive tasks and message boundary events', () => {
  it('runs a receive task like a catch event', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      '<bpmn:receiveTask id="receipt" messageRef="Message_answer" />',
      '<bpmn:endEvent id="end" />',
      flow('f1', 'start', 'receipt'), flow('f2', 'receipt', 'end'),
    ].join('');
    await engine.zbc.deployResource({ name: 'receive.bpmn', process: bpmnProcess('receive', body, message('answer')) });
    const result = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'receive', variables: { key: 'R-1' }, requestTimeout: 10_000 });
    await eventually(() => [...engine.running.engine.state.messageSubscriptions.values()].some((s) => s.correlationKey === 'R-1'));
    await publish('R-1', { paid: true });
    expect((await result).variables.paid).toBe(true);
  });

  it('interrupts a task with an interrupting message boundary event: its job is gone and the boundary path runs', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      serviceTask('review', 'review-withdrawable'),
      boundaryEvent('withdrawn', 'review', messageDefinition('answer')),
      serviceTask('archive', 'archive-withdrawn'),
      '<bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'review'), flow('f2', 'review', 'end'), flow('f3', 'withdrawn', 'archive'), flow('f4', 'archive', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'withdraw.bpmn', process: bpmnProcess('withdraw', body, message('answer')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'withdraw', variables: { key: 'W-1' } });
    const review = await activateOne(engine, 'review-withdrawable');
    await publish('W-1', { reason: 'moved away' });
    await eventually(() => activeElementIds(engine, processInstanceKey).includes('archive'));
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['archive']);
    await expect(engine.zbc.completeJob({ jobKey: review.key, variables: {} })).rejects.toMatchObject({ code: 5 });
    const archive = await activateOne(engine, 'archive-withdrawn');
    expect(archive.variables).toMatchObject({ key: 'W-1', reason: 'moved away' });
  });

  it('runs a non-interrupting message boundary path beside the task, once per message', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      serviceTask('process-claim', 'process-claim'),
      boundaryEvent('reminder', 'process-claim', messageDefinition('answer'), false),
      serviceTask('note-reminder', 'note-reminder'),
      '<bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'process-claim'), flow('f2', 'process-claim', 'end'), flow('f3', 'reminder', 'note-reminder'), flow('f4', 'note-reminder', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'remind.bpmn', process: bpmnProcess('remind', body, message('answer')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'remind', variables: { key: 'N-1' } });
    await eventually(() => activeElementIds(engine, processInstanceKey).includes('process-claim'));
    await publish('N-1');
    await publish('N-1');
    await eventually(() => activeElementIds(engine, processInstanceKey).filter((id) => id === 'note-reminder').length === 2);
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['note-reminder', 'note-reminder', 'process-claim']);
  });
});

describe('message start events and event sub-processes', () => {
  it('starts an instance per message, but only one at a time per correlation key; a buffered one starts the next', async () => {
    const body = [
      startEvent('applied', messageDefinition('application')),
      serviceTask('decide', 'decide-application'),
      '<bpmn:endEvent id="end" />',
      flow('f1', 'applied', 'decide'), flow('f2', 'decide', 'end'),
    ].join('');
    await engine.zbc.deployResource({ name: 'application.bpmn', process: bpmnProcess('application', body, startMessage('application')) });
    const send = (applicant: string) => engine.zbc.publishMessage({ name: 'application', correlationKey: 'dog-42', variables: { applicant }, timeToLive: 60_000 });
    await send('first');
    await send('second');
    const first = await activateOne(engine, 'decide-application');
    expect(first.variables.applicant).toBe('first');
    const none = await engine.zbc.activateJobs({ type: 'decide-application', worker: 'w', maxJobsToActivate: 5, timeout: 30_000, requestTimeout: 300 });
    expect(none).toEqual([]);
    await engine.zbc.completeJob({ jobKey: first.key, variables: {} });
    const second = await activateOne(engine, 'decide-application');
    expect(second.variables.applicant).toBe('second');
  });

  it('interrupts the process with an interrupting message event sub-process', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      serviceTask('work', 'work-until-cancelled'),
      '<bpmn:endEvent id="end" />',
      flow('f1', 'start', 'work'), flow('f2', 'work', 'end'),
      eventSubProcess('cancelled', messageDefinition('answer'), true, 'notify', serviceTask('notify', 'notify-cancelled')),
    ].join('');
    await engine.zbc.deployResource({ name: 'cancellable.bpmn', process: bpmnProcess('cancellable', body, message('answer')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'cancellable', variables: { key: 'C-1' } });
    await activateOne(engine, 'work-until-cancelled');
    await publish('C-1', { why: 'withdrawn' });
    const notify = await activateOne(engine, 'notify-cancelled');
    expect(notify.variables.why).toBe('withdrawn');
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['cancelled', 'notify']);
    await engine.zbc.completeJob({ jobKey: notify.key, variables: {} });
    await eventually(() => !isInstanceActive(engine, processInstanceKey));
  });

  it('runs a non-interrupting message event sub-process beside the main path', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      serviceTask('work', 'work-with-notes'),
      endEvent('end'),
      flow('f1', 'start', 'work'), flow('f2', 'work', 'end'),
      eventSubProcess('note', messageDefinition('answer'), false, 'record', serviceTask('record', 'record-note')),
    ].join('');
    await engine.zbc.deployResource({ name: 'notes.bpmn', process: bpmnProcess('notes', body, message('answer')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'notes', variables: { key: 'M-1' } });
    const work = await activateOne(engine, 'work-with-notes');
    await publish('M-1');
    const record = await activateOne(engine, 'record-note');
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['note', 'record', 'work']);
    await engine.zbc.completeJob({ jobKey: work.key, variables: {} });
    await engine.zbc.completeJob({ jobKey: record.key, variables: {} });
    await eventually(() => !isInstanceActive(engine, processInstanceKey));
  });

  it('runs message throw and end events as jobs, as Zeebe does', async () => {
    const sendLetter = `<bpmn:intermediateThrowEvent id="letter"><bpmn:extensionElements><zeebe:taskDefinition type="send-letter" /></bpmn:extensionElements><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>`;
    const sendReceipt = `<bpmn:endEvent id="receipt"><bpmn:extensionElements><zeebe:taskDefinition type="send-receipt" /></bpmn:extensionElements><bpmn:messageEventDefinition /></bpmn:endEvent>`;
    const body = ['<bpmn:startEvent id="start" />', sendLetter, sendReceipt, flow('f1', 'start', 'letter'), flow('f2', 'letter', 'receipt')].join('');
    await engine.zbc.deployResource({ name: 'letters.bpmn', process: bpmnProcess('letters', body) });
    const result = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'letters', variables: {}, requestTimeout: 10_000 });
    const letter = await activateOne(engine, 'send-letter');
    await engine.zbc.completeJob({ jobKey: letter.key, variables: { letterSent: true } });
    const receipt = await activateOne(engine, 'send-receipt');
    expect(receipt.elementId).toBe('receipt');
    await engine.zbc.completeJob({ jobKey: receipt.key, variables: { receiptSent: true } });
    expect((await result).variables).toEqual({ letterSent: true, receiptSent: true });
  });
});
