import { describe, expect, it } from '@jest/globals';
import { around, bpmnDocument, parseProcess, rejection } from './bpmn-test-documents.js';

const callActivity = (extensions: string) => `<bpmn:callActivity id="call"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:callActivity>`;

describe('call activities', () => {
  it('maps the called process id; both variable propagations default to true', async () => {
    const process = await parseProcess(bpmnDocument(around('call', callActivity('<zeebe:calledElement processId="hundesteuer"/>'))));
    expect(process.elements.call).toMatchObject({
      kind: 'callActivity',
      callActivity: { processId: { kind: 'static', value: 'hundesteuer' }, propagateAllChildVariables: true, propagateAllParentVariables: true },
    });
  });

  it('maps a process id expression and switched-off variable propagation', async () => {
    const calledElement = '<zeebe:calledElement processId="=&quot;steuer-&quot; + art" propagateAllChildVariables="false" propagateAllParentVariables="false"/>';
    expect((await parseProcess(bpmnDocument(around('call', callActivity(calledElement))))).elements.call!.callActivity).toEqual({
      processId: { kind: 'feel', source: '"steuer-" + art' }, propagateAllChildVariables: false, propagateAllParentVariables: false,
    });
  });

  it.each([
    ['no called element', '<bpmn:callActivity id="call"/>', "- Element: call\n    - ERROR: Must have exactly one 'zeebe:calledElement' extension element"],
    ['an empty process id', callActivity('<zeebe:calledElement processId=" "/>'), "- Element: call > extensionElements > calledElement\n    - ERROR: Attribute 'processId' must be present and not empty"],
    ['a binding type other than latest', callActivity('<zeebe:calledElement processId="p" bindingType="deployment"/>'), "- Element: call > extensionElements > calledElement\n    - ERROR: Binding type 'deployment' is not supported yet; only 'latest' is"],
  ])('rejects a call activity with %s', async (_, element, expected) => {
    expect(await rejection(bpmnDocument(around('call', element)))).toBe(expected);
  });
});
