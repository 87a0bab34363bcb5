import { describe, expect, it } from '@jest/globals';
import { bpmnDocument, endEvent, event, flow, message, parseProcess, rejection, serviceTask, signal, startEvent, timer } from './bpmn-test-documents.js';

const ROOT_ELEMENTS = message('paid', 'bezahlt', '=kassenzeichen') + message('paidToo', 'bezahlt', '=kassenzeichen') + signal('s', 'stichtag');

/** start → gateway `g` → each of `targets` (id and element) → end. */
function eventBasedChoice(...targets: Array<[id: string, element: string]>): string {
  return bpmnDocument([
    startEvent(), '<bpmn:eventBasedGateway id="g"/>', endEvent(), flow('in', 'start', 'g'),
    ...targets.flatMap(([id, element]) => [element, flow(`to-${id}`, 'g', id), flow(`from-${id}`, id, 'end')]),
  ].join('\n'), { rootElements: ROOT_ELEMENTS });
}

const catchEvent = (id: string, definition: string): [string, string] => [id, event('intermediateCatchEvent', id, definition)];
const PAID = catchEvent('paid-event', '<bpmn:messageEventDefinition messageRef="paid"/>');
const DEADLINE = catchEvent('deadline', timer('timeDuration', 'P30D'));

describe('event-based gateways', () => {
  it('maps a gateway waiting for a message, a timer and a signal', async () => {
    const process = await parseProcess(eventBasedChoice(PAID, DEADLINE, catchEvent('cutoff', '<bpmn:signalEventDefinition signalRef="s"/>')));
    expect(process.elements.g).toMatchObject({ kind: 'eventBasedGateway', outgoing: ['to-paid-event', 'to-deadline', 'to-cutoff'] });
  });

  it('rejects a gateway with one outgoing flow', async () => {
    expect(await rejection(eventBasedChoice(PAID))).toBe('- Element: g\n    - ERROR: Event-based gateway must have at least 2 outgoing sequence flows.');
  });

  it.each([
    ['a task', ['task', serviceTask('task')] as [string, string]],
    ['a link catch event', catchEvent('link', '<bpmn:linkEventDefinition name="l"/>')],
  ])('rejects a flow to %s', async (_, target) => {
    expect(await rejection(eventBasedChoice(PAID, target))).toBe(
      '- Element: g\n    - ERROR: Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events.');
  });

  it('rejects two targets waiting for the same message name', async () => {
    expect(await rejection(eventBasedChoice(PAID, catchEvent('paid-again', '<bpmn:messageEventDefinition messageRef="paidToo"/>'))))
      .toBe("- Element: g\n    - ERROR: Multiple message event definitions with the same name 'bezahlt' are not allowed.");
  });

  it('rejects a target that is also reached another way', async () => {
    const xml = eventBasedChoice(PAID, DEADLINE).replace('</bpmn:process>', `${flow('shortcut', 'start', 'deadline')}</bpmn:process>`);
    expect(await rejection(xml)).toBe(
      '- Element: g\n    - ERROR: Target elements of an event gateway must not have any additional incoming sequence flows other than that from the event gateway.');
  });

  it('rejects a condition on an outgoing flow', async () => {
    const xml = eventBasedChoice(PAID, DEADLINE).replace(flow('to-deadline', 'g', 'deadline'), flow('to-deadline', 'g', 'deadline', '=true'));
    expect(await rejection(xml))
      .toBe('- Element: to-deadline > conditionExpression\n    - ERROR: Conditional sequence flows are only supported at exclusive or inclusive gateway');
  });
});
