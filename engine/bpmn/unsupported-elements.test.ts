import { around, bpmnDocument, rejection, serviceTask } from './bpmn-test-documents.js';

describe('elements a later version supports', () => {
  it.each([
    ['<bpmn:boundaryEvent id="X" attachedToRef="start"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>', "of type 'bpmn:BoundaryEvent'"],
    ['<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>', "of type 'bpmn:IntermediateCatchEvent'"],
    ['<bpmn:eventBasedGateway id="X"/>', "of type 'bpmn:EventBasedGateway'"],
    ['<bpmn:inclusiveGateway id="X"/>', "of type 'bpmn:InclusiveGateway'"],
    ['<bpmn:callActivity id="X"/>', "of type 'bpmn:CallActivity'"],
    ['<bpmn:receiveTask id="X"/>', "of type 'bpmn:ReceiveTask'"],
    ['<bpmn:adHocSubProcess id="X"/>', "of type 'bpmn:AdHocSubProcess'"],
    ['<bpmn:transaction id="X"/>', "of type 'bpmn:Transaction'"],
    ['<bpmn:endEvent id="X"><bpmn:terminateEventDefinition/></bpmn:endEvent>', "of type 'bpmn:EndEvent' with 'bpmn:TerminateEventDefinition'"],
    ['<bpmn:endEvent id="X"><bpmn:errorEventDefinition/></bpmn:endEvent>', "of type 'bpmn:EndEvent' with 'bpmn:ErrorEventDefinition'"],
    ['<bpmn:intermediateThrowEvent id="X"><bpmn:linkEventDefinition name="l"/></bpmn:intermediateThrowEvent>', "of type 'bpmn:IntermediateThrowEvent' with 'bpmn:LinkEventDefinition'"],
    ['<bpmn:subProcess id="X" triggeredByEvent="true"/>', "of type 'bpmn:SubProcess' with triggeredByEvent (an event sub-process)"],
    [serviceTask('X', '<zeebe:taskDefinition type="x"/><zeebe:executionListeners/>'), "of type 'bpmn:ServiceTask' with 'zeebe:executionListeners'"],
  ])('rejects %s', async (element, description) => {
    expect(await rejection(bpmnDocument(around('X', element)))).toBe(`- Element: X\n    - ERROR: Element 'X' ${description} is not supported yet`);
  });

  it('rejects a multi-instance task, naming the loop characteristics', async () => {
    const task = '<bpmn:serviceTask id="X"><bpmn:extensionElements><zeebe:taskDefinition type="x"/></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics/></bpmn:serviceTask>';
    expect(await rejection(bpmnDocument(around('X', task))))
      .toContain("Element 'X' of type 'bpmn:ServiceTask' with 'bpmn:MultiInstanceLoopCharacteristics' is not supported yet");
  });

  it('lists every unsupported element, not only the first', async () => {
    const message = await rejection(bpmnDocument(around('A', '<bpmn:callActivity id="A"/><bpmn:receiveTask id="B"/>')));
    expect(message.split('\n- ')).toHaveLength(2);
  });
});
