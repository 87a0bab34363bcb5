import { describe, expect, it } from '@jest/globals';
import { around, bpmnDocument, endEvent, error, escalation, event, flow, message, parseProcess, rejection, serviceTask, signal, startEvent, timer } from './bpmn-test-documents.js';

const ROOT_ELEMENTS = message('m', 'halter-verzogen', '=chipNumber') + signal('s', 'tollwut') + error('e', 'KEIN_HALTER') + escalation('x', 'UEBERFAELLIG');

/** start → `activity` (id `activityId`) → end, with each boundary event leading to an end event of its own. */
function withBoundaryEvents(activityId: string, activity: string, ...boundaryEvents: Array<[id: string, definition: string, attributes?: string]>): string {
  return bpmnDocument([
    around(activityId, activity),
    ...boundaryEvents.flatMap(([id, definition, attributes = '']) => [
      event('boundaryEvent', id, definition, `attachedToRef="${activityId}" ${attributes}`), endEvent(`${id}End`), flow(`${id}Flow`, id, `${id}End`),
    ]),
  ].join('\n'), { rootElements: ROOT_ELEMENTS });
}

describe('boundary events', () => {
  it('attaches boundary events to their activity in document order, interrupting unless cancelActivity is false', async () => {
    const process = await parseProcess(withBoundaryEvents('check', serviceTask('check'),
      ['late', timer('timeDuration', 'P14D')], ['reminder', timer('timeCycle', 'R3/P7D'), 'cancelActivity="false"']));
    expect(process.elements.check!.boundaryEventIds).toEqual(['late', 'reminder']);
    expect(process.elements.late).toEqual({
      id: 'late', kind: 'boundaryEvent', parentId: 'dog-registration', incoming: [], outgoing: ['lateFlow'], inputs: [], outputs: [],
      attachedToRef: 'check', interrupting: true, event: { type: 'timer', timer: { kind: 'duration', value: { kind: 'static', value: 'P14D' } } },
    });
    expect(process.elements.reminder).toMatchObject({ interrupting: false, event: { type: 'timer', timer: { kind: 'cycle' } } });
  });

  it('maps message, signal, error and escalation boundary events; an error without reference catches every error', async () => {
    const subProcess = `<bpmn:subProcess id="checks">${startEvent('checksStart')}</bpmn:subProcess>`;
    const process = await parseProcess(withBoundaryEvents('checks', subProcess,
      ['moved', '<bpmn:messageEventDefinition messageRef="m"/>', 'cancelActivity="false"'],
      ['rabies', '<bpmn:signalEventDefinition signalRef="s"/>'],
      ['noOwner', '<bpmn:errorEventDefinition errorRef="e"/>'],
      ['anyError', '<bpmn:errorEventDefinition/>'],
      ['overdue', '<bpmn:escalationEventDefinition escalationRef="x"/>', 'cancelActivity="false"'],
      ['anyEscalation', '<bpmn:escalationEventDefinition/>']));
    const events = Object.fromEntries(process.elements.checks!.boundaryEventIds!.map((id) => [id, process.elements[id]!.event]));
    expect(events).toEqual({
      moved: { type: 'message', messageName: { kind: 'static', value: 'halter-verzogen' }, correlationKey: 'chipNumber' },
      rabies: { type: 'signal', signalName: { kind: 'static', value: 'tollwut' } },
      noOwner: { type: 'error', errorCode: { kind: 'static', value: 'KEIN_HALTER' } },
      anyError: { type: 'error' },
      overdue: { type: 'escalation', escalationCode: { kind: 'static', value: 'UEBERFAELLIG' } },
      anyEscalation: { type: 'escalation' },
    });
  });

  it('rejects a boundary event without or with an unknown activity', async () => {
    const xml = bpmnDocument([
      startEvent(), event('boundaryEvent', 'a', timer('timeDuration', 'PT1H')), event('boundaryEvent', 'b', timer('timeDuration', 'PT1H'), 'attachedToRef="nowhere"'),
      endEvent(), flow('fa', 'a', 'end'), flow('fb', 'b', 'end'),
    ].join('\n'));
    expect(await rejection(xml)).toBe([
      '- Element: a\n    - ERROR: Must be attached to an activity',
      "- Element: b\n    - ERROR: Attribute 'attachedToRef' refers to unknown element 'nowhere'",
    ].join('\n'));
  });

  it('rejects a boundary event attached to a gateway, or to an activity of another scope', async () => {
    const subProcess = `<bpmn:subProcess id="checks">${startEvent('checksStart')}${serviceTask('inner')}</bpmn:subProcess>`;
    const xml = bpmnDocument([
      around('checks', subProcess), '<bpmn:parallelGateway id="fork"/>',
      event('boundaryEvent', 'a', timer('timeDuration', 'PT1H'), 'attachedToRef="fork"'), event('boundaryEvent', 'b', timer('timeDuration', 'PT1H'), 'attachedToRef="inner"'),
      endEvent('handled'), flow('fa', 'a', 'handled'), flow('fb', 'b', 'handled'),
    ].join('\n'));
    expect(await rejection(xml)).toBe([
      "- Element: a\n    - ERROR: Attribute 'attachedToRef' must refer to an activity, but 'fork' is a bpmn:ParallelGateway",
      '- Element: b\n    - ERROR: Must be attached to an activity in the same process or sub-process',
    ].join('\n'));
  });

  it('rejects incoming flows and a boundary event that leads nowhere', async () => {
    const xml = bpmnDocument([around('check', serviceTask('check')), event('boundaryEvent', 'late', timer('timeDuration', 'PT1H'), 'attachedToRef="check"'), flow('in', 'start', 'late')].join('\n'));
    expect(await rejection(xml)).toBe([
      '- Element: late\n    - ERROR: Cannot have incoming sequence flows',
      '- Element: late\n    - ERROR: Must have at least one outgoing sequence flow',
    ].join('\n'));
  });

  it.each([
    ['without an event definition', '', '', 'Must have exactly one event definition'],
    ['with a link definition', '<bpmn:linkEventDefinition name="l"/>', '', 'Boundary events must be one of: timer, message, error, signal, escalation'],
    ['that is a non-interrupting error event', '<bpmn:errorEventDefinition/>', 'cancelActivity="false"', 'Non-Interrupting event of this type is not allowed'],
    ['with an interrupting timer cycle', timer('timeCycle', 'R/PT1H'), '', 'Interrupting timer event with time cycle is not allowed.'],
    ['catching an escalation of a task', '<bpmn:escalationEventDefinition/>', '', 'An escalation boundary event should only be attached to a subprocess, or a call activity.'],
  ])('rejects a boundary event %s', async (_, definition, attributes, reason) => {
    expect(await rejection(withBoundaryEvents('check', serviceTask('check'), ['b', definition, attributes]))).toBe(`- Element: b\n    - ERROR: ${reason}`);
  });

  it('rejects an error code caught as an expression', async () => {
    const xml = withBoundaryEvents('check', serviceTask('check'), ['b', '<bpmn:errorEventDefinition errorRef="dynamic"/>'])
      .replace('<bpmn:process', '<bpmn:error id="dynamic" errorCode="=code"/><bpmn:process');
    expect(await rejection(xml))
      .toBe('- Element: b > errorEventDefinition\n    - ERROR: The errorCode of the error catch event is not allowed to be an expression');
  });

  it('rejects boundary events of one activity waiting for the same trigger', async () => {
    const xml = withBoundaryEvents('check', serviceTask('check'),
      ['m1', '<bpmn:messageEventDefinition messageRef="m"/>'], ['m2', '<bpmn:messageEventDefinition messageRef="m"/>'],
      ['s1', '<bpmn:signalEventDefinition signalRef="s"/>'], ['s2', '<bpmn:signalEventDefinition signalRef="s"/>'],
      ['e1', '<bpmn:errorEventDefinition/>'], ['e2', '<bpmn:errorEventDefinition/>']);
    expect(await rejection(xml)).toBe([
      "- Element: check\n    - ERROR: Multiple message event definitions with the same name 'halter-verzogen' are not allowed.",
      "- Element: check\n    - ERROR: Multiple signal event definitions with the same name 'tollwut' are not allowed.",
      '- Element: check\n    - ERROR: The same scope can not contain more than one error catch event without error code. An error catch event without error code catches all errors.',
    ].join('\n'));
  });
});
