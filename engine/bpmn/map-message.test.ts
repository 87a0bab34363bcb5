import { describe, expect, it } from '@jest/globals';
import { around, bpmnDocument, endEvent, event, flow, message, parseProcess, rejection } from './bpmn-test-documents.js';

const receiveTask = (messageId?: string) => `<bpmn:receiveTask id="wait"${messageId === undefined ? '' : ` messageRef="${messageId}"`}/>`;

describe('receive tasks and the messages they wait for', () => {
  it('maps a receive task with its message name and correlation key', async () => {
    const process = await parseProcess(bpmnDocument(around('wait', receiveTask('m')), { rootElements: message('m', '=&quot;nachweis-&quot; + art', '= kassenzeichen') }));
    expect(process.elements.wait).toMatchObject({
      kind: 'receiveTask',
      event: { type: 'message', messageName: { kind: 'feel', source: '"nachweis-" + art' }, correlationKey: 'kassenzeichen' },
    });
  });

  it('rejects a receive task without a message', async () => {
    expect(await rejection(bpmnDocument(around('wait', receiveTask())))).toBe('- Element: wait\n    - ERROR: Must reference a message');
  });

  it('reports a problem of a message once, however many elements refer to it', async () => {
    const xml = bpmnDocument(around('wait', receiveTask('m') + event('intermediateCatchEvent', 'c', '<bpmn:messageEventDefinition messageRef="m"/>')), {
      rootElements: message('m', 'nachweis'),
    });
    expect(await rejection(xml)).toBe("- Element: m\n    - ERROR: Must have exactly one 'zeebe:subscription' extension element");
  });

  it('rejects a receive task with a boundary event waiting for the same message', async () => {
    const xml = bpmnDocument([
      around('wait', receiveTask('m')),
      event('boundaryEvent', 'b', '<bpmn:messageEventDefinition messageRef="other"/>', 'attachedToRef="wait"'), endEvent('bEnd'), flow('bFlow', 'b', 'bEnd'),
    ].join('\n'), { rootElements: message('m', 'nachweis', '=k') + message('other', 'nachweis', '=k') });
    expect(await rejection(xml)).toBe('- Element: wait\n    - ERROR: Cannot reference the same message name as a boundary event');
  });
});
