/** Errors thrown by workers and error end events, escalations: caught by boundary events and event sub-processes. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  activateOne, activeElementIds, bpmnProcess, eventually, flow, serviceTask, startTestEngine, type TestEngine,
} from './harness.js';
import {
  boundaryEvent, endEvent, error, errorDefinition, escalation, escalationDefinition, eventSubProcess, throwEvent,
} from './event-xml.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine.destroy());

function subProcess(id: string, inner: string, innerId: string): string {
  return `<bpmn:subProcess id="${id}"><bpmn:startEvent id="${id}_start" />${inner}<bpmn:endEvent id="${id}_end" />`
    + `${flow(`${id}_f1`, `${id}_start`, innerId)}${flow(`${id}_f2`, innerId, `${id}_end`)}</bpmn:subProcess>`;
}

describe('errors thrown by job workers', () => {
  it('are caught by an error boundary event two scopes up, with the error variables', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      subProcess('outer', subProcess('inner', serviceTask('check', 'check-payment'), 'check'), 'inner'),
      boundaryEvent('rejected', 'outer', errorDefinition('PAYMENT_REJECTED')),
      serviceTask('handle', 'handle-rejection'), '<bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'outer'), flow('f2', 'outer', 'end'), flow('f3', 'rejected', 'handle'), flow('f4', 'handle', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'payment.bpmn', process: bpmnProcess('payment', body, error('PAYMENT_REJECTED')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'payment', variables: {} });
    const job = await activateOne(engine, 'check-payment');
    await engine.zbc.throwError({ jobKey: job.key, errorCode: 'PAYMENT_REJECTED', errorMessage: 'card declined', variables: { reason: 'declined' } } as never);
    const handle = await activateOne(engine, 'handle-rejection');
    expect(handle.variables).toMatchObject({ reason: 'declined' });
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['handle']);
  });

  it('prefers the catch event for the exact code over a catch-all one in the same scope', async () => {
    const mark = (id: string) => `<bpmn:scriptTask id="${id}Mark"><bpmn:extensionElements><zeebe:script expression="=&quot;${id}&quot;" resultVariable="caughtBy" /></bpmn:extensionElements></bpmn:scriptTask>`;
    const body = [
      '<bpmn:startEvent id="start" />', serviceTask('task', 'may-fail'),
      boundaryEvent('any', 'task', errorDefinition()), boundaryEvent('specific', 'task', errorDefinition('NOT_FOUND')),
      mark('any'), mark('specific'), endEvent('end'), endEvent('anyEnd'), endEvent('specificEnd'),
      flow('f1', 'start', 'task'), flow('f2', 'task', 'end'), flow('f3', 'any', 'anyMark'), flow('f4', 'anyMark', 'anyEnd'),
      flow('f5', 'specific', 'specificMark'), flow('f6', 'specificMark', 'specificEnd'),
    ].join('');
    await engine.zbc.deployResource({ name: 'catch-all.bpmn', process: bpmnProcess('catch-all', body, error('NOT_FOUND')) });
    const caughtBy = async (code: string) => {
      const result = engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'catch-all', variables: {}, requestTimeout: 5000 });
      const job = await activateOne(engine, 'may-fail');
      await engine.zbc.throwError({ jobKey: job.key, errorCode: code, errorMessage: '' });
      return (await result).variables.caughtBy;
    };
    expect(await caughtBy('NOT_FOUND')).toBe('specific');
    expect(await caughtBy('SOMETHING_ELSE')).toBe('any');
  });

  it('runs an error event sub-process, and an uncaught error becomes an incident', async () => {
    const body = [
      '<bpmn:startEvent id="start" />', serviceTask('lookup', 'lookup-register'), endEvent('end'),
      flow('f1', 'start', 'lookup'), flow('f2', 'lookup', 'end'),
      eventSubProcess('failed', errorDefinition('REGISTER_DOWN'), true, 'manual', serviceTask('manual', 'manual-lookup')),
    ].join('');
    await engine.zbc.deployResource({ name: 'register.bpmn', process: bpmnProcess('register', body, error('REGISTER_DOWN')) });
    const caught = await engine.zbc.createProcessInstance({ bpmnProcessId: 'register', variables: {} });
    let job = await activateOne(engine, 'lookup-register');
    await engine.zbc.throwError({ jobKey: job.key, errorCode: 'REGISTER_DOWN', errorMessage: 'timeout' });
    await activateOne(engine, 'manual-lookup');
    expect(activeElementIds(engine, caught.processInstanceKey)).toEqual(['failed', 'manual']);

    const uncaught = await engine.zbc.createProcessInstance({ bpmnProcessId: 'register', variables: {} });
    job = await activateOne(engine, 'lookup-register');
    await engine.zbc.throwError({ jobKey: job.key, errorCode: 'OTHER', errorMessage: 'boom' });
    const incident = await eventually(() => [...engine.running.engine.state.incidents.values()].find((i) => String(i.processInstanceKey) === uncaught.processInstanceKey));
    expect(incident).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'lookup' });
    expect(incident.errorMessage).toContain("'OTHER'");
  });
});

describe('error end events and escalations', () => {
  it('ends a sub-process with an error that the boundary event on it catches', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      `<bpmn:subProcess id="sub"><bpmn:startEvent id="s1" />${endEvent('fail', errorDefinition('INVALID'))}${flow('sf', 's1', 'fail')}</bpmn:subProcess>`,
      boundaryEvent('invalid', 'sub', errorDefinition('INVALID')),
      '<bpmn:scriptTask id="mark"><bpmn:extensionElements><zeebe:script expression="=true" resultVariable="rejected" /></bpmn:extensionElements></bpmn:scriptTask>',
      endEvent('end'), endEvent('end2'),
      flow('f1', 'start', 'sub'), flow('f2', 'sub', 'end'), flow('f3', 'invalid', 'mark'), flow('f4', 'mark', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'validation.bpmn', process: bpmnProcess('validation', body, error('INVALID')) });
    const result = await engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'validation', variables: {}, requestTimeout: 5000 });
    expect(result.variables).toEqual({ rejected: true });
  });

  it('lets a non-interrupting escalation boundary run beside the sub-process that escalated, which goes on', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      `<bpmn:subProcess id="sub"><bpmn:startEvent id="s1" />${throwEvent('escalate', escalationDefinition('LATE'))}${serviceTask('finish', 'finish-late')}${endEvent('s-end')}`
        + `${flow('sf1', 's1', 'escalate')}${flow('sf2', 'escalate', 'finish')}${flow('sf3', 'finish', 's-end')}</bpmn:subProcess>`,
      boundaryEvent('late', 'sub', escalationDefinition('LATE'), false),
      serviceTask('inform', 'inform-lead'), endEvent('end'), endEvent('end2'),
      flow('f1', 'start', 'sub'), flow('f2', 'sub', 'end'), flow('f3', 'late', 'inform'), flow('f4', 'inform', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'escalating.bpmn', process: bpmnProcess('escalating', body, escalation('LATE')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'escalating', variables: {} });
    await activateOne(engine, 'inform-lead');
    await activateOne(engine, 'finish-late');
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['finish', 'inform', 'sub']);
  });

  it('interrupts with an escalation event sub-process, and an uncaught escalation just goes on', async () => {
    const body = [
      '<bpmn:startEvent id="start" />', throwEvent('escalate', escalationDefinition('STOP')), serviceTask('next', 'after-escalation'), endEvent('end'),
      flow('f1', 'start', 'escalate'), flow('f2', 'escalate', 'next'), flow('f3', 'next', 'end'),
    ].join('');
    await engine.zbc.deployResource({ name: 'uncaught-escalation.bpmn', process: bpmnProcess('uncaught-escalation', body, escalation('STOP')) });
    await engine.zbc.createProcessInstance({ bpmnProcessId: 'uncaught-escalation', variables: {} });
    await activateOne(engine, 'after-escalation');

    const caught = body + eventSubProcess('stop', escalationDefinition('STOP'), true, 'stopped', serviceTask('stopped', 'handle-stop'));
    await engine.zbc.deployResource({ name: 'caught-escalation.bpmn', process: bpmnProcess('caught-escalation', caught, escalation('STOP')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'caught-escalation', variables: {} });
    await activateOne(engine, 'handle-stop');
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['stop', 'stopped']);
  });

  it('ends a sub-process with an escalation end event; the non-interrupting boundary runs and the process continues after the sub-process', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      `<bpmn:subProcess id="sub"><bpmn:startEvent id="s1" />${endEvent('escalated', escalationDefinition('OVERDUE'))}${flow('sf', 's1', 'escalated')}</bpmn:subProcess>`,
      boundaryEvent('overdue', 'sub', escalationDefinition('OVERDUE'), false),
      serviceTask('after', 'after-sub'), serviceTask('notify', 'notify-overdue'), endEvent('end'), endEvent('end2'),
      flow('f1', 'start', 'sub'), flow('f2', 'sub', 'after'), flow('f3', 'after', 'end'), flow('f4', 'overdue', 'notify'), flow('f5', 'notify', 'end2'),
    ].join('');
    await engine.zbc.deployResource({ name: 'escalation-end.bpmn', process: bpmnProcess('escalation-end', body, escalation('OVERDUE')) });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'escalation-end', variables: {} });
    await activateOne(engine, 'notify-overdue');
    await activateOne(engine, 'after-sub');
    expect(activeElementIds(engine, processInstanceKey)).toEqual(['after', 'notify']);
  });
});
