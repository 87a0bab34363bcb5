import { around, bpmnDocument, endEvent, flow, parseProcess, rejection, serviceTask, startEvent } from './bpmn-test-documents.js';

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

  it('leaves static values alone', async () => {
    const task = serviceTask('t', '<zeebe:taskDefinition type="a +"/>');
    expect((await parseProcess(bpmnDocument(around('t', task)))).elements.t!.job!.type).toEqual({ kind: 'static', value: 'a +' });
  });
});
