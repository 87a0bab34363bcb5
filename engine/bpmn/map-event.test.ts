import { describe, expect, it } from '@jest/globals';
import { around, bpmnDocument, error, escalation, event, message, parseProcess, rejection, signal, timer } from './bpmn-test-documents.js';

const ROOT_ELEMENTS = [
  message('m', 'bescheid-zugestellt', '=kassenzeichen'), signal('s', 'tollwut'), error('e', 'KEIN_HALTER'), escalation('x', 'UEBERFAELLIG'),
  '<bpmn:error id="dynamicError" errorCode="=errorCode"/>', '<bpmn:error id="noCode"/>', '<bpmn:escalation id="noEscalationCode"/>',
].join('');

const TASK_DEFINITION = '<bpmn:extensionElements><zeebe:taskDefinition type="send-mail"/></bpmn:extensionElements>';

/** The event `X` of `tag` with `definition`, between a start and an end event. */
async function mapped(tag: string, definition: string, extras = '') {
  return (await parseProcess(bpmnDocument(around('X', event(tag, 'X', extras + definition)), { rootElements: ROOT_ELEMENTS }))).elements.X!;
}

async function rejected(tag: string, definition: string, extras = '') {
  return rejection(bpmnDocument(around('X', event(tag, 'X', extras + definition)), { rootElements: ROOT_ELEMENTS }));
}

describe('intermediate catch events', () => {
  it('maps a message catch event with the correlation key of its message, without the leading =', async () => {
    expect(await mapped('intermediateCatchEvent', '<bpmn:messageEventDefinition messageRef="m"/>')).toMatchObject({
      kind: 'intermediateCatchEvent',
      event: { type: 'message', messageName: { kind: 'static', value: 'bescheid-zugestellt' }, correlationKey: 'kassenzeichen' },
    });
  });

  it.each([
    ['timeDuration', 'duration', 'P14D'],
    ['timeDate', 'date', '2030-01-01T00:00:00Z'],
  ] as const)('maps a timer catch event with a %s, taking the text without surrounding spaces', async (element, kind, value) => {
    expect((await mapped('intermediateCatchEvent', timer(element, `\n   ${value}\n  `))).event)
      .toEqual({ type: 'timer', timer: { kind, value: { kind: 'static', value } } });
  });

  it('keeps a timer given as FEEL as an expression', async () => {
    expect((await mapped('intermediateCatchEvent', timer('timeDuration', '=reminderDelay'))).event)
      .toEqual({ type: 'timer', timer: { kind: 'duration', value: { kind: 'feel', source: 'reminderDelay' } } });
  });

  it('maps a signal catch event', async () => {
    expect((await mapped('intermediateCatchEvent', '<bpmn:signalEventDefinition signalRef="s"/>')).event)
      .toEqual({ type: 'signal', signalName: { kind: 'static', value: 'tollwut' } });
  });

  it.each([
    ['without an event definition', '', 'Must have exactly one event definition'],
    ['with an error definition', '<bpmn:errorEventDefinition/>', 'Event definition must be one of: message, timer, signal or link'],
    ['with a timer cycle', timer('timeCycle', 'R/P1D'), 'Intermediate timer catch event must have either a time duration or a time date.'],
  ])('rejects a catch event %s', async (_, definition, reason) => {
    expect(await rejected('intermediateCatchEvent', definition)).toBe(`- Element: X\n    - ERROR: ${reason}`);
  });

  it('rejects a timer with two kinds of time, or with an empty one', async () => {
    const twoKinds = '<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration><bpmn:timeDate>2030-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>';
    expect(await rejected('intermediateCatchEvent', twoKinds))
      .toBe('- Element: X > timerEventDefinition\n    - ERROR: Must be exactly one type of timer: timeDuration, timeDate or timeCycle');
    expect(await rejected('intermediateCatchEvent', timer('timeDuration', ' ')))
      .toBe("- Element: X > timerEventDefinition > timeDuration\n    - ERROR: Element 'timeDuration' must not be empty");
  });

  it('rejects a message catch event whose message lacks a name, a subscription or an expression as correlation key', async () => {
    const definition = (messageId: string) => `<bpmn:messageEventDefinition messageRef="${messageId}"/>`;
    const xml = bpmnDocument(around('a', event('intermediateCatchEvent', 'a', definition('noName'))
      + event('intermediateCatchEvent', 'b', definition('noSubscription'))
      + event('intermediateCatchEvent', 'c', definition('emptyKey'))
      + event('intermediateCatchEvent', 'd', definition('staticKey'))), {
      rootElements: message('noName', '', '=k') + message('noSubscription', 'n') + message('emptyKey', 'n', ' ') + message('staticKey', 'n', 'kassenzeichen'),
    });
    expect(await rejection(xml)).toBe([
      '- Element: noName\n    - ERROR: Name must be present and not empty',
      "- Element: noSubscription\n    - ERROR: Must have exactly one 'zeebe:subscription' extension element",
      "- Element: emptyKey > extensionElements > subscription\n    - ERROR: Attribute 'correlationKey' must be present and not empty",
      "- Element: staticKey > extensionElements > subscription\n    - ERROR: Expected expression but found static value 'kassenzeichen'. An expression must start with '=' (e.g. '=kassenzeichen').",
    ].join('\n'));
  });

  it('rejects a signal catch event without a signal, and a signal without a name', async () => {
    expect(await rejected('intermediateCatchEvent', '<bpmn:signalEventDefinition/>'))
      .toBe('- Element: X > signalEventDefinition\n    - ERROR: Must reference a signal');
    const xml = bpmnDocument(around('X', event('intermediateCatchEvent', 'X', '<bpmn:signalEventDefinition signalRef="s"/>')), { rootElements: '<bpmn:signal id="s"/>' });
    expect(await rejection(xml)).toBe('- Element: s\n    - ERROR: Name must be present and not empty');
  });
});

describe('intermediate throw events', () => {
  it('maps a none throw event without an event', async () => {
    expect((await mapped('intermediateThrowEvent', '')).event).toBeUndefined();
  });

  it('maps a message throw event to a job, as Zeebe runs it', async () => {
    expect(await mapped('intermediateThrowEvent', '<bpmn:messageEventDefinition messageRef="m"/>', TASK_DEFINITION)).toMatchObject({
      event: { type: 'message', messageName: { kind: 'static', value: 'bescheid-zugestellt' } },
      job: { type: { kind: 'static', value: 'send-mail' }, retries: { kind: 'static', value: '3' }, headers: {} },
    });
  });

  it('maps a message throw event without a message, which Zeebe allows, with an empty message name', async () => {
    expect((await mapped('intermediateThrowEvent', '<bpmn:messageEventDefinition/>', TASK_DEFINITION)).event)
      .toEqual({ type: 'message', messageName: { kind: 'static', value: '' } });
  });

  it('rejects a message throw event without a task definition', async () => {
    expect(await rejected('intermediateThrowEvent', '<bpmn:messageEventDefinition messageRef="m"/>'))
      .toBe("- Element: X\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element");
  });

  it('maps signal and escalation throw events', async () => {
    expect((await mapped('intermediateThrowEvent', '<bpmn:signalEventDefinition signalRef="s"/>')).event)
      .toEqual({ type: 'signal', signalName: { kind: 'static', value: 'tollwut' } });
    expect((await mapped('intermediateThrowEvent', '<bpmn:escalationEventDefinition escalationRef="x"/>')).event)
      .toEqual({ type: 'escalation', escalationCode: { kind: 'static', value: 'UEBERFAELLIG' } });
  });

  it.each([
    ['with an error definition', '<bpmn:errorEventDefinition errorRef="e"/>', 'X', 'Intermediate throw events must be one of: none, message, signal, escalation or link'],
    ['with a timer', timer('timeDuration', 'PT1H'), 'X', 'Intermediate throw events must be one of: none, message, signal, escalation or link'],
    ['with two definitions', '<bpmn:signalEventDefinition signalRef="s"/><bpmn:escalationEventDefinition escalationRef="x"/>', 'X', 'Must have at most one event definition'],
    ['with an escalation without reference', '<bpmn:escalationEventDefinition/>', 'X > escalationEventDefinition', 'Must reference an escalation'],
    ['with an escalation without code', '<bpmn:escalationEventDefinition escalationRef="noEscalationCode"/>', 'noEscalationCode', 'EscalationCode must be present and not empty'],
  ])('rejects a throw event %s', async (_, definition, element, reason) => {
    expect(await rejected('intermediateThrowEvent', definition)).toBe(`- Element: ${element}\n    - ERROR: ${reason}`);
  });
});

describe('end events', () => {
  it.each([
    ['a terminate', '<bpmn:terminateEventDefinition/>', { type: 'terminate' }],
    ['an error', '<bpmn:errorEventDefinition errorRef="e"/>', { type: 'error', errorCode: { kind: 'static', value: 'KEIN_HALTER' } }],
    ['an error with a FEEL code', '<bpmn:errorEventDefinition errorRef="dynamicError"/>', { type: 'error', errorCode: { kind: 'feel', source: 'errorCode' } }],
    ['a signal', '<bpmn:signalEventDefinition signalRef="s"/>', { type: 'signal', signalName: { kind: 'static', value: 'tollwut' } }],
    ['an escalation', '<bpmn:escalationEventDefinition escalationRef="x"/>', { type: 'escalation', escalationCode: { kind: 'static', value: 'UEBERFAELLIG' } }],
  ])('maps %s end event', async (_, definition, expected) => {
    const xml = bpmnDocument(`<bpmn:startEvent id="start"/>${event('endEvent', 'X', definition)}`, { rootElements: ROOT_ELEMENTS });
    expect((await parseProcess(xml)).elements.X).toMatchObject({ kind: 'endEvent', event: expected });
  });

  it('maps a message end event to a job', async () => {
    const xml = bpmnDocument(`<bpmn:startEvent id="start"/>${event('endEvent', 'X', TASK_DEFINITION + '<bpmn:messageEventDefinition messageRef="m"/>')}`, { rootElements: ROOT_ELEMENTS });
    expect((await parseProcess(xml)).elements.X!.job!.type).toEqual({ kind: 'static', value: 'send-mail' });
  });

  it.each([
    ['with a timer', timer('timeDuration', 'PT1H'), 'X', 'End events must be one of: none, error, message, terminate, signal or escalation'],
    ['with an error without reference', '<bpmn:errorEventDefinition/>', 'X > errorEventDefinition', 'Must reference an error'],
    ['with an error without code', '<bpmn:errorEventDefinition errorRef="noCode"/>', 'noCode', 'ErrorCode must be present and not empty'],
    ['with an error reference to a signal', '<bpmn:errorEventDefinition errorRef="s"/>', 'X > errorEventDefinition', "Attribute 'errorRef' must refer to an error, but 's' is a bpmn:Signal"],
    ['with two definitions', '<bpmn:terminateEventDefinition/><bpmn:terminateEventDefinition/>', 'X', 'Must have at most one event definition'],
  ])('rejects an end event %s', async (_, definition, element, reason) => {
    const xml = bpmnDocument(`<bpmn:startEvent id="start"/>${event('endEvent', 'X', definition)}`, { rootElements: ROOT_ELEMENTS });
    expect(await rejection(xml)).toBe(`- Element: ${element}\n    - ERROR: ${reason}`);
  });
});
