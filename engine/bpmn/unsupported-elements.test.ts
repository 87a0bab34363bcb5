import { around, bpmnDocument, rejection, serviceTask } from './bpmn-test-documents.js';

describe('elements a later version supports', () => {
  it.each([
    ['<bpmn:adHocSubProcess id="X"/>', "of type 'bpmn:AdHocSubProcess'"],
    ['<bpmn:transaction id="X"/>', "of type 'bpmn:Transaction'"],
    ['<bpmn:complexGateway id="X"/>', "of type 'bpmn:ComplexGateway'"],
    ['<bpmn:intermediateThrowEvent id="X"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>', "of type 'bpmn:IntermediateThrowEvent' with 'bpmn:CompensateEventDefinition'"],
    ['<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition/></bpmn:intermediateCatchEvent>', "of type 'bpmn:IntermediateCatchEvent' with 'bpmn:ConditionalEventDefinition'"],
    ['<bpmn:endEvent id="X"><bpmn:cancelEventDefinition/></bpmn:endEvent>', "of type 'bpmn:EndEvent' with 'bpmn:CancelEventDefinition'"],
    ['<bpmn:task id="X"><bpmn:standardLoopCharacteristics/></bpmn:task>', "of type 'bpmn:Task' with 'bpmn:StandardLoopCharacteristics'"],
    [serviceTask('X', '<zeebe:taskDefinition type="x"/><zeebe:executionListeners/>'), "of type 'bpmn:ServiceTask' with 'zeebe:executionListeners'"],
    ['<bpmn:userTask id="X"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>', "of type 'bpmn:UserTask' with 'zeebe:userTask'"],
  ])('rejects %s', async (element, description) => {
    expect(await rejection(bpmnDocument(around('X', element)))).toBe(`- Element: X\n    - ERROR: Element 'X' ${description} is not supported yet`);
  });

  it('names only the unsupported one of several event definitions', async () => {
    const element = '<bpmn:startEvent id="X"><bpmn:messageEventDefinition/><bpmn:conditionalEventDefinition/></bpmn:startEvent>';
    expect(await rejection(bpmnDocument(element)))
      .toContain("Element 'X' of type 'bpmn:StartEvent' with 'bpmn:ConditionalEventDefinition' is not supported yet");
  });

  it('rejects a multi-instance event sub-process', async () => {
    const eventSubProcess = `<bpmn:subProcess id="X" triggeredByEvent="true"><bpmn:multiInstanceLoopCharacteristics/>
      <bpmn:startEvent id="inner"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
    </bpmn:subProcess>`;
    expect(await rejection(bpmnDocument(`<bpmn:startEvent id="start"/>${eventSubProcess}`)))
      .toBe("- Element: X\n    - ERROR: Element 'X' of type 'bpmn:SubProcess' with 'bpmn:MultiInstanceLoopCharacteristics' is not supported yet");
  });

  it('lists every unsupported element, not only the first', async () => {
    const message = await rejection(bpmnDocument(around('A', '<bpmn:transaction id="A"/><bpmn:complexGateway id="B"/>')));
    expect(message.split('\n- ')).toHaveLength(2);
  });
});
