import { describe, expect, it } from '@jest/globals';
import { bpmnDocument, endEvent, event, flow, parseProcess, rejection, startEvent } from './bpmn-test-documents.js';

const linkThrow = (id: string, name: string) => event('intermediateThrowEvent', id, `<bpmn:linkEventDefinition name="${name}"/>`);
const linkCatch = (id: string, name: string) => event('intermediateCatchEvent', id, `<bpmn:linkEventDefinition name="${name}"/>`);

describe('link events', () => {
  it('links a throw event to the catch event of the same name in its scope', async () => {
    const process = await parseProcess(bpmnDocument([
      startEvent(), linkThrow('goTo', 'weiter'), linkCatch('arrive', 'weiter'), endEvent(), flow('f1', 'start', 'goTo'), flow('f2', 'arrive', 'end'),
    ].join('\n')));
    expect(process.elements.goTo).toMatchObject({ kind: 'intermediateThrowEvent', event: { type: 'link', linkName: 'weiter' }, linkTargetId: 'arrive' });
    expect(process.elements.arrive).toMatchObject({ kind: 'intermediateCatchEvent', event: { type: 'link', linkName: 'weiter' } });
  });

  it('rejects a throw event whose catch event is missing or in another scope', async () => {
    const subProcess = `<bpmn:subProcess id="sub">${startEvent('subStart')}${linkCatch('inner', 'weiter')}</bpmn:subProcess>`;
    expect(await rejection(bpmnDocument(startEvent() + linkThrow('goTo', 'weiter') + subProcess)))
      .toBe("- Element: goTo\n    - ERROR: Can't find an catch link event for the throw link event with the name 'weiter'.");
  });

  it('rejects two catch events of the same name in one scope', async () => {
    expect(await rejection(bpmnDocument(startEvent() + linkCatch('a', 'weiter') + linkCatch('b', 'weiter'))))
      .toBe("- Element: dog-registration\n    - ERROR: Multiple intermediate catch link event definitions with the same name 'weiter' are not allowed.");
  });

  it('rejects a link event without a name', async () => {
    expect(await rejection(bpmnDocument(startEvent() + linkCatch('a', ' '))))
      .toBe('- Element: a > linkEventDefinition\n    - ERROR: Link name must be present and not empty.');
  });
});
