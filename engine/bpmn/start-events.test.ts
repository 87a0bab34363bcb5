import { describe, expect, it } from '@jest/globals';
import { bpmnDocument, endEvent, event, flow, message, parseProcess, rejection, signal, startEvent, timer } from './bpmn-test-documents.js';

const messageStart = (id: string, messageId: string) => event('startEvent', id, `<bpmn:messageEventDefinition messageRef="${messageId}"/>`);
const signalStart = (id: string, signalId: string) => event('startEvent', id, `<bpmn:signalEventDefinition signalRef="${signalId}"/>`);

describe('start events of a process', () => {
  it('lists message, timer and signal start events beside the none start event', async () => {
    const process = await parseProcess(bpmnDocument([
      startEvent(), messageStart('byMessage', 'm'), event('startEvent', 'byTimer', timer('timeCycle', 'R/P1D')), signalStart('bySignal', 's'),
    ].join('\n'), { rootElements: message('m', 'hund-gemeldet') + signal('s', 'stichtag') }));
    expect(process.elements['dog-registration']).toMatchObject({ noneStartEventId: 'start', eventStartEventIds: ['byMessage', 'byTimer', 'bySignal'] });
    expect(process.elements.byMessage!.event).toEqual({ type: 'message', messageName: { kind: 'static', value: 'hund-gemeldet' } });
    expect(process.elements.byTimer!.event).toEqual({ type: 'timer', timer: { kind: 'cycle', value: { kind: 'static', value: 'R/P1D' } } });
    expect(process.elements.bySignal!.event).toEqual({ type: 'signal', signalName: { kind: 'static', value: 'stichtag' } });
    expect(process.elements.byMessage!.interrupting).toBeUndefined();
  });

  it('accepts a process started by events only, and a message start event whose message has no subscription', async () => {
    const process = await parseProcess(bpmnDocument(`${messageStart('byMessage', 'm')}${endEvent()}${flow('f', 'byMessage', 'end')}`, {
      rootElements: message('m', '=&quot;hund-&quot; + &quot;gemeldet&quot;'),
    }));
    expect(process.elements['dog-registration']!.noneStartEventId).toBeUndefined();
    expect(process.elements['dog-registration']!.eventStartEventIds).toEqual(['byMessage']);
    expect(process.elements.byMessage!.event).toEqual({ type: 'message', messageName: { kind: 'feel', source: '"hund-" + "gemeldet"' } });
  });

  it('rejects two message start events waiting for the same message name', async () => {
    const xml = bpmnDocument(messageStart('a', 'm1') + messageStart('b', 'm2'), { rootElements: message('m1', 'gemeldet') + message('m2', 'gemeldet') });
    expect(await rejection(xml))
      .toBe("- Element: dog-registration\n    - ERROR: Multiple message event definitions with the same name 'gemeldet' are not allowed.");
  });

  it('rejects two signal start events waiting for the same signal name', async () => {
    const xml = bpmnDocument(signalStart('a', 's1') + signalStart('b', 's2'), { rootElements: signal('s1', 'stichtag') + signal('s2', 'stichtag') });
    expect(await rejection(xml))
      .toBe("- Element: dog-registration\n    - ERROR: Multiple signal event definitions with the same name 'stichtag' are not allowed.");
  });

  it('rejects a message start event without a message or whose message has no name', async () => {
    const xml = bpmnDocument(event('startEvent', 'a', '<bpmn:messageEventDefinition/>') + messageStart('b', 'm'), {
      rootElements: '<bpmn:message id="m"/>',
    });
    expect(await rejection(xml)).toBe([
      '- Element: a > messageEventDefinition\n    - ERROR: Must reference a message',
      '- Element: m\n    - ERROR: Name must be present and not empty',
    ].join('\n'));
  });

  it('rejects a message reference to an unknown element or to something else than a message', async () => {
    const xml = bpmnDocument(messageStart('a', 'nowhere') + messageStart('b', 'start') + startEvent());
    expect(await rejection(xml)).toBe([
      "- Element: a > messageEventDefinition\n    - ERROR: Attribute 'messageRef' refers to unknown element 'nowhere'",
      "- Element: b > messageEventDefinition\n    - ERROR: Attribute 'messageRef' must refer to a message, but 'start' is a bpmn:StartEvent",
    ].join('\n'));
  });

  it.each([
    ['an error', '<bpmn:errorEventDefinition/>'],
    ['an escalation', '<bpmn:escalationEventDefinition/>'],
    ['a link', '<bpmn:linkEventDefinition name="l"/>'],
  ])('rejects a process start event with %s definition', async (_, definition) => {
    expect(await rejection(bpmnDocument(event('startEvent', 'a', definition))))
      .toBe('- Element: a\n    - ERROR: Start event must be one of the following types: none, timer, message, signal');
  });

  it('rejects a start event with two event definitions', async () => {
    const xml = bpmnDocument(event('startEvent', 'a', `${timer('timeCycle', 'R/P1D')}${timer('timeDate', '2030-01-01T00:00:00Z')}`));
    expect(await rejection(xml)).toBe("- Element: a\n    - ERROR: Start event can't have more than one type");
  });

  it('still rejects two none start events, even beside event start events', async () => {
    const xml = bpmnDocument(startEvent('a') + startEvent('b') + event('startEvent', 'c', timer('timeCycle', 'R/P1D')));
    expect(await rejection(xml)).toBe('- Element: dog-registration\n    - ERROR: Multiple none start events are not allowed');
  });
});

describe('start events of an embedded sub-process', () => {
  it.each([
    ['message', '<bpmn:messageEventDefinition messageRef="m"/>'],
    ['timer', timer('timeDuration', 'PT1H')],
    ['signal', '<bpmn:signalEventDefinition signalRef="s"/>'],
  ])('rejects a %s start event, which only event sub-processes may have', async (_, definition) => {
    const subProcess = `<bpmn:subProcess id="checks">${event('startEvent', 'inner', definition)}</bpmn:subProcess>`;
    const xml = bpmnDocument(`${startEvent()}${subProcess}${flow('f', 'start', 'checks')}`, { rootElements: message('m', 'x', '=k') + signal('s', 'x') });
    expect(await rejection(xml)).toBe('- Element: inner\n    - ERROR: Start events in subprocesses must be of type none');
  });

  it('rejects two none start events in a sub-process', async () => {
    const subProcess = `<bpmn:subProcess id="checks">${startEvent('a')}${startEvent('b')}</bpmn:subProcess>`;
    expect(await rejection(bpmnDocument(`${startEvent()}${subProcess}`))).toBe('- Element: checks\n    - ERROR: Must have exactly one start event');
  });
});
