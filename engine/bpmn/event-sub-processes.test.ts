import { describe, expect, it } from '@jest/globals';
import { around, bpmnDocument, endEvent, error, escalation, event, flow, message, parseProcess, rejection, serviceTask, signal, startEvent, timer } from './bpmn-test-documents.js';

/** An event sub-process `id` entered by a start event `${id}Start` with `definition`, then a task and an end event. */
function eventSubProcess(id: string, definition: string, startAttributes = ''): string {
  return `<bpmn:subProcess id="${id}" triggeredByEvent="true">
    ${event('startEvent', `${id}Start`, definition, startAttributes)}${serviceTask(`${id}Task`)}${endEvent(`${id}End`)}
    ${flow(`${id}F1`, `${id}Start`, `${id}Task`)}${flow(`${id}F2`, `${id}Task`, `${id}End`)}
  </bpmn:subProcess>`;
}

const ROOT_ELEMENTS = message('m', 'hund-entlaufen', '=chipNumber') + signal('s', 'tollwut') + error('e', 'KEIN_HALTER') + escalation('x', 'UEBERFAELLIG');

describe('event sub-processes', () => {
  it('maps an event sub-process with its start event, which the process subscribes to', async () => {
    const process = await parseProcess(bpmnDocument(
      around('check', serviceTask('check')) + eventSubProcess('lost', '<bpmn:messageEventDefinition messageRef="m"/>', 'isInterrupting="false"'),
      { rootElements: ROOT_ELEMENTS },
    ));
    expect(process.elements['dog-registration']).toMatchObject({ noneStartEventId: 'start', eventSubProcessStartEventIds: ['lostStart'] });
    expect(process.elements.lost).toEqual({
      id: 'lost', kind: 'eventSubProcess', parentId: 'dog-registration', incoming: [], outgoing: [], inputs: [], outputs: [], startEventId: 'lostStart',
    });
    expect(process.elements.lostStart).toEqual({
      id: 'lostStart', kind: 'startEvent', parentId: 'lost', incoming: [], outgoing: ['lostF1'], inputs: [], outputs: [], interrupting: false,
      event: { type: 'message', messageName: { kind: 'static', value: 'hund-entlaufen' }, correlationKey: 'chipNumber' },
    });
    expect(process.elements.lostTask!.parentId).toBe('lost');
  });

  it('maps timer, signal, error and escalation start events, interrupting unless said otherwise, in document order', async () => {
    const process = await parseProcess(bpmnDocument([
      around('check', serviceTask('check')),
      eventSubProcess('late', timer('timeDuration', 'P14D')),
      eventSubProcess('rabies', '<bpmn:signalEventDefinition signalRef="s"/>'),
      eventSubProcess('noOwner', '<bpmn:errorEventDefinition errorRef="e"/>'),
      eventSubProcess('anyError', '<bpmn:errorEventDefinition/>'),
      eventSubProcess('overdue', '<bpmn:escalationEventDefinition escalationRef="x"/>', 'isInterrupting="false"'),
    ].join('\n'), { rootElements: ROOT_ELEMENTS }));
    expect(process.elements['dog-registration']!.eventSubProcessStartEventIds)
      .toEqual(['lateStart', 'rabiesStart', 'noOwnerStart', 'anyErrorStart', 'overdueStart']);
    expect(process.elements.lateStart).toMatchObject({ interrupting: true, event: { type: 'timer', timer: { kind: 'duration', value: { kind: 'static', value: 'P14D' } } } });
    expect(process.elements.rabiesStart!.event).toEqual({ type: 'signal', signalName: { kind: 'static', value: 'tollwut' } });
    expect(process.elements.noOwnerStart!.event).toEqual({ type: 'error', errorCode: { kind: 'static', value: 'KEIN_HALTER' } });
    expect(process.elements.anyErrorStart!.event).toEqual({ type: 'error' });
    expect(process.elements.overdueStart).toMatchObject({ interrupting: false, event: { type: 'escalation', escalationCode: { kind: 'static', value: 'UEBERFAELLIG' } } });
  });

  it('links nested event sub-processes to the scope they are directly inside', async () => {
    const subProcess = `<bpmn:subProcess id="checks">${startEvent('checksStart')}${eventSubProcess('inner', timer('timeDuration', 'PT1H'))}</bpmn:subProcess>`;
    const outer = `<bpmn:subProcess id="outer" triggeredByEvent="true">
      ${event('startEvent', 'outerStart', timer('timeDuration', 'PT2H'))}${eventSubProcess('nested', timer('timeDuration', 'PT3H'))}
    </bpmn:subProcess>`;
    const process = await parseProcess(bpmnDocument(around('checks', subProcess) + outer));
    expect(process.elements['dog-registration']!.eventSubProcessStartEventIds).toEqual(['outerStart']);
    expect(process.elements.checks!.eventSubProcessStartEventIds).toEqual(['innerStart']);
    expect(process.elements.outer!.eventSubProcessStartEventIds).toEqual(['nestedStart']);
    expect(process.elements.nestedStart!.parentId).toBe('nested');
  });

  it('rejects a message start event whose message has no correlation key', async () => {
    const xml = bpmnDocument(startEvent() + eventSubProcess('lost', '<bpmn:messageEventDefinition messageRef="m"/>'), { rootElements: message('m', 'hund-entlaufen') });
    expect(await rejection(xml)).toBe("- Element: m\n    - ERROR: Must have exactly one 'zeebe:subscription' extension element");
  });

  it.each([
    ['no event definition', ''],
    ['a link', '<bpmn:linkEventDefinition name="l"/>'],
  ])('rejects a start event with %s', async (_, definition) => {
    expect(await rejection(bpmnDocument(startEvent() + eventSubProcess('sub', definition))))
      .toBe('- Element: subStart\n    - ERROR: Start events in event subprocesses must be one of: message, timer, error, signal or escalation');
  });

  it('rejects a non-interrupting error start event and an interrupting timer cycle', async () => {
    const xml = bpmnDocument(startEvent()
      + eventSubProcess('a', '<bpmn:errorEventDefinition/>', 'isInterrupting="false"')
      + eventSubProcess('b', timer('timeCycle', 'R/PT1H')));
    expect(await rejection(xml)).toBe([
      '- Element: aStart\n    - ERROR: Non-Interrupting event of this type is not allowed',
      '- Element: bStart\n    - ERROR: Interrupting timer event with time cycle is not allowed.',
    ].join('\n'));
  });

  it('rejects an event sub-process without or with two start events', async () => {
    const empty = '<bpmn:subProcess id="empty" triggeredByEvent="true"/>';
    const two = `<bpmn:subProcess id="two" triggeredByEvent="true">${event('startEvent', 'a', timer('timeDuration', 'PT1H'))}${event('startEvent', 'b', timer('timeDuration', 'PT2H'))}</bpmn:subProcess>`;
    expect(await rejection(bpmnDocument(startEvent() + empty + two))).toBe([
      '- Element: empty\n    - ERROR: Must have exactly one start event',
      '- Element: two\n    - ERROR: Must have exactly one start event',
    ].join('\n'));
  });

  it('rejects sequence flows into or out of an event sub-process', async () => {
    const xml = bpmnDocument(startEvent() + eventSubProcess('sub', timer('timeDuration', 'PT1H')) + flow('in', 'start', 'sub'));
    expect(await rejection(xml)).toBe('- Element: sub\n    - ERROR: Event sub-processes cannot have incoming or outgoing sequence flows');
  });

  it('rejects event sub-processes of one scope that wait for the same error code or catch every error twice', async () => {
    const xml = bpmnDocument(startEvent()
      + eventSubProcess('a', '<bpmn:errorEventDefinition errorRef="e"/>') + eventSubProcess('b', '<bpmn:errorEventDefinition errorRef="e"/>')
      + eventSubProcess('c', '<bpmn:errorEventDefinition/>') + eventSubProcess('d', '<bpmn:errorEventDefinition/>'), { rootElements: ROOT_ELEMENTS });
    expect(await rejection(xml)).toBe([
      "- Element: dog-registration\n    - ERROR: Multiple error catch events with the same error code 'KEIN_HALTER' are not supported on the same scope.",
      '- Element: dog-registration\n    - ERROR: The same scope can not contain more than one error catch event without error code. An error catch event without error code catches all errors.',
    ].join('\n'));
  });

  it('rejects event sub-processes of one scope that wait for the same message', async () => {
    const definition = '<bpmn:messageEventDefinition messageRef="m"/>';
    const xml = bpmnDocument(startEvent() + eventSubProcess('a', definition) + eventSubProcess('b', definition), { rootElements: ROOT_ELEMENTS });
    expect(await rejection(xml))
      .toBe("- Element: dog-registration\n    - ERROR: Multiple message event definitions with the same name 'hund-entlaufen' are not allowed.");
  });
});
