import { describe, expect, it } from '@jest/globals';
import { around, bpmnDocument, message, parseProcess, rejection, startEvent } from './bpmn-test-documents.js';

/** A task `t` with multi-instance loop characteristics of the given attributes and content. */
function multiInstanceTask(loopAttributes: string, loopContent: string, tag = 'task'): string {
  return `<bpmn:${tag} id="t"><bpmn:multiInstanceLoopCharacteristics ${loopAttributes}>${loopContent}</bpmn:multiInstanceLoopCharacteristics></bpmn:${tag}>`;
}

const zeebeLoop = (attributes: string) => `<bpmn:extensionElements><zeebe:loopCharacteristics ${attributes}/></bpmn:extensionElements>`;

describe('multi-instance activities', () => {
  it('maps a parallel multi-instance task with its input collection and element', async () => {
    const task = multiInstanceTask('', zeebeLoop('inputCollection="=dogs" inputElement="dog"'));
    expect((await parseProcess(bpmnDocument(around('t', task)))).elements.t!.multiInstance)
      .toEqual({ sequential: false, inputCollection: 'dogs', inputElement: 'dog' });
  });

  it('maps a sequential one with output collection, output element and completion condition', async () => {
    const task = multiInstanceTask('isSequential="true"', zeebeLoop('inputCollection="= dogs" outputCollection="fees" outputElement="= fee"')
      + '<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">= sum(fees) &gt; 500</bpmn:completionCondition>');
    expect((await parseProcess(bpmnDocument(around('t', task)))).elements.t!.multiInstance).toEqual({
      sequential: true, inputCollection: 'dogs', outputCollection: 'fees', outputElement: 'fee', completionCondition: 'sum(fees) > 500',
    });
  });

  const loop = `<bpmn:multiInstanceLoopCharacteristics>${zeebeLoop('inputCollection="=dogs"')}</bpmn:multiInstanceLoopCharacteristics>`;
  it.each([
    ['subProcess', `<bpmn:subProcess id="t">${loop}${startEvent('inner')}</bpmn:subProcess>`],
    ['callActivity', `<bpmn:callActivity id="t"><bpmn:extensionElements><zeebe:calledElement processId="p"/></bpmn:extensionElements>${loop}</bpmn:callActivity>`],
    ['receiveTask', `<bpmn:receiveTask id="t" messageRef="m">${loop}</bpmn:receiveTask>`],
  ])('maps a multi-instance %s', async (kind, element) => {
    const xml = bpmnDocument(around('t', element), { rootElements: message('m', 'nachweis', '=dog') });
    expect((await parseProcess(xml)).elements.t).toMatchObject({ kind, multiInstance: { inputCollection: 'dogs' } });
  });

  it.each([
    ['no zeebe:loopCharacteristics', '', "- Element: t > multiInstanceLoopCharacteristics\n    - ERROR: Must have exactly one 'zeebe:loopCharacteristics' extension element"],
    ['no input collection', zeebeLoop('inputElement="dog"'), "- Element: t > multiInstanceLoopCharacteristics > extensionElements > loopCharacteristics\n    - ERROR: Attribute 'inputCollection' must be present and not empty"],
    ['a static input collection', zeebeLoop('inputCollection="dogs"'), "- Element: t > multiInstanceLoopCharacteristics > extensionElements > loopCharacteristics\n    - ERROR: Expected expression but found static value 'dogs'. An expression must start with '=' (e.g. '=dogs')."],
    ['an output collection without output element', zeebeLoop('inputCollection="=dogs" outputCollection="fees"'), "- Element: t > multiInstanceLoopCharacteristics > extensionElements > loopCharacteristics\n    - ERROR: Attribute 'outputElement' must be present if the attribute 'outputCollection' is set"],
    ['an output element without output collection', zeebeLoop('inputCollection="=dogs" outputElement="=fee"'), "- Element: t > multiInstanceLoopCharacteristics > extensionElements > loopCharacteristics\n    - ERROR: Attribute 'outputCollection' must be present if the attribute 'outputElement' is set"],
    ['a static completion condition', zeebeLoop('inputCollection="=dogs"') + '<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">done</bpmn:completionCondition>', "- Element: t > multiInstanceLoopCharacteristics > completionCondition\n    - ERROR: Expected expression but found static value 'done'. An expression must start with '=' (e.g. '=done')."],
  ])('rejects a multi-instance task with %s', async (_, loopContent, expected) => {
    expect(await rejection(bpmnDocument(around('t', multiInstanceTask('', loopContent))))).toBe(expected);
  });
});
