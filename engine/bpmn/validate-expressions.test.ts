import { around, bpmnDocument, endEvent, error, event, flow, message, parseProcess, rejection, serviceTask, signal, startEvent, timer } from './bpmn-test-documents.js';

describe('FEEL syntax at deploy time', () => {
  it('rejects a condition with invalid FEEL, naming the flow', async () => {
    const xml = bpmnDocument([
      startEvent(), '<bpmn:exclusiveGateway id="g" default="b"/>', endEvent('x'), endEvent('y'),
      flow('in', 'start', 'g'), flow('a', 'g', 'x', '=weight &gt;'), flow('b', 'g', 'y'),
    ].join('\n'));
    expect(await rejection(xml)).toMatch(/^- Element: a > conditionExpression\n {4}- ERROR: failed to parse expression 'weight >': .+$/);
  });

  it.each([
    ['an input mapping', '<zeebe:taskDefinition type="x"/><zeebe:ioMapping><zeebe:input source="=a +" target="b"/></zeebe:ioMapping>', 'ioMapping > input'],
    ['an output mapping', '<zeebe:taskDefinition type="x"/><zeebe:ioMapping><zeebe:output source="=a +" target="b"/></zeebe:ioMapping>', 'ioMapping > output'],
    ['a task type', '<zeebe:taskDefinition type="=a +"/>', 'taskDefinition'],
    ['job retries', '<zeebe:taskDefinition type="x" retries="=a +"/>', 'taskDefinition'],
  ])('rejects invalid FEEL in %s', async (_, extensions, path) => {
    expect(await rejection(bpmnDocument(around('t', serviceTask('t', extensions)))))
      .toMatch(new RegExp(`^- Element: t > extensionElements > ${path}\n {4}- ERROR: failed to parse expression 'a \\+': .+$`));
  });

  it('rejects invalid FEEL in a script and in user task assignment and schedule', async () => {
    const script = serviceTask('s', '<zeebe:script expression="=a +" resultVariable="r"/>', 'scriptTask');
    const userTask = '<bpmn:userTask id="u"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="=a +"/><zeebe:taskSchedule dueDate="=a +"/></bpmn:extensionElements></bpmn:userTask>';
    const message = await rejection(bpmnDocument(`${startEvent()}${script}${userTask}`));
    expect(message).toContain('s > extensionElements > script\n    - ERROR: failed to parse');
    expect(message).toContain('u > extensionElements > assignmentDefinition\n    - ERROR: failed to parse');
    expect(message).toContain('u > extensionElements > taskSchedule\n    - ERROR: failed to parse');
  });

  it.each([
    ['a message name', event('intermediateCatchEvent', 'x', '<bpmn:messageEventDefinition messageRef="badName"/>'), 'x > messageEventDefinition'],
    ['a correlation key', event('intermediateCatchEvent', 'x', '<bpmn:messageEventDefinition messageRef="badKey"/>'), 'x > messageEventDefinition'],
    ['the message of a receive task', '<bpmn:receiveTask id="x" messageRef="badKey"/>', 'x > messageRef'],
    ['a timer', event('intermediateCatchEvent', 'x', timer('timeDuration', '=a +')), 'x > timerEventDefinition'],
    ['a signal name', event('intermediateThrowEvent', 'x', '<bpmn:signalEventDefinition signalRef="badSignal"/>'), 'x > signalEventDefinition'],
    ['a thrown error code', event('endEvent', 'x', '<bpmn:errorEventDefinition errorRef="badError"/>'), 'x > errorEventDefinition'],
    ['a called process id', '<bpmn:callActivity id="x"><bpmn:extensionElements><zeebe:calledElement processId="=a +"/></bpmn:extensionElements></bpmn:callActivity>', 'x > extensionElements > calledElement'],
    ['an input collection', '<bpmn:task id="x"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=a +"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:task>', 'x > multiInstanceLoopCharacteristics > extensionElements > loopCharacteristics'],
    ['an output element', '<bpmn:task id="x"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=l" outputCollection="r" outputElement="=a +"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:task>', 'x > multiInstanceLoopCharacteristics > extensionElements > loopCharacteristics'],
    ['a completion condition', '<bpmn:task id="x"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=l"/></bpmn:extensionElements><bpmn:completionCondition>=a +</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:task>', 'x > multiInstanceLoopCharacteristics > completionCondition'],
  ])('rejects invalid FEEL in %s', async (_, element, path) => {
    const rootElements = message('badName', '=a +', '=k') + message('badKey', 'n', '=a +') + signal('badSignal', '=a +') + error('badError', '=a +');
    expect(await rejection(bpmnDocument(around('x', element), { rootElements })))
      .toMatch(new RegExp(`^- Element: ${path}\n {4}- ERROR: failed to parse expression 'a \\+': .+$`));
  });

  it('leaves static values alone', async () => {
    const task = serviceTask('t', '<zeebe:taskDefinition type="a +"/>');
    expect((await parseProcess(bpmnDocument(around('t', task)))).elements.t!.job!.type).toEqual({ kind: 'static', value: 'a +' });
  });
});
