import { bpmnDocument, endEvent, flow, parseProcess, rejection, serviceTask, startEvent } from './bpmn-test-documents.js';

/** start → `gateway` → (small | large | `extraFlows`), each task → end; `gatewayAttributes` e.g. default="toSmall". */
function choice(gateway: string, conditions: { toSmall?: string; toLarge?: string }, gatewayAttributes: string, extraFlows: string[]) {
  return bpmnDocument([
    startEvent(), `<bpmn:${gateway} id="size" ${gatewayAttributes}/>`, serviceTask('small'), serviceTask('large'), endEvent(),
    flow('toGateway', 'start', 'size'),
    flow('toSmall', 'size', 'small', conditions.toSmall),
    flow('toLarge', 'size', 'large', conditions.toLarge),
    ...extraFlows,
    flow('smallDone', 'small', 'end'), flow('largeDone', 'large', 'end'),
  ].join('\n'));
}

const exclusiveChoice = (conditions: { toSmall?: string; toLarge?: string }, gatewayAttributes = '') =>
  choice('exclusiveGateway', conditions, gatewayAttributes, []);

/** Also with a flow `toNone` from the gateway straight to the end. */
const inclusiveChoice = (conditions: { toSmall?: string; toLarge?: string }, gatewayAttributes = '') =>
  choice('inclusiveGateway', conditions, gatewayAttributes, [flow('toNone', 'size', 'end')]);

describe('sequence flows and gateways', () => {
  it('maps an exclusive gateway with FEEL conditions, in document order, without the leading =', async () => {
    const process = await parseProcess(exclusiveChoice({ toSmall: '=weight &lt; 20', toLarge: '= weight >= 20' }));
    expect(process.elements.size).toMatchObject({ kind: 'exclusiveGateway', incoming: ['toGateway'], outgoing: ['toSmall', 'toLarge'] });
    expect(process.flows.toSmall).toEqual({ id: 'toSmall', sourceId: 'size', targetId: 'small', condition: 'weight < 20' });
    expect(process.flows.toLarge!.condition).toBe('weight >= 20');
  });

  it('maps the default flow of an exclusive gateway and ignores a condition on it, as Zeebe does', async () => {
    const process = await parseProcess(exclusiveChoice({ toSmall: '=true', toLarge: '=false' }, 'default="toLarge"'));
    expect(process.elements.size!.defaultFlow).toBe('toLarge');
    expect(process.flows.toLarge!.condition).toBeUndefined();
  });

  it('maps a parallel gateway fork and join', async () => {
    const process = await parseProcess(bpmnDocument([
      startEvent(), '<bpmn:parallelGateway id="fork"/>', serviceTask('a'), serviceTask('b'), '<bpmn:parallelGateway id="join"/>', endEvent(),
      flow('f0', 'start', 'fork'), flow('fa', 'fork', 'a'), flow('fb', 'fork', 'b'), flow('ja', 'a', 'join'), flow('jb', 'b', 'join'), flow('f9', 'join', 'end'),
    ].join('\n')));
    expect(process.elements.fork).toMatchObject({ kind: 'parallelGateway', outgoing: ['fa', 'fb'] });
    expect(process.elements.join).toMatchObject({ kind: 'parallelGateway', incoming: ['ja', 'jb'] });
  });

  it('rejects an outgoing flow of an exclusive gateway with neither condition nor default', async () => {
    expect(await rejection(exclusiveChoice({ toSmall: '=weight &lt; 20' })))
      .toBe('- Element: toLarge\n    - ERROR: Must have a condition or be default flow');
  });

  it('accepts a single unconditional flow out of an exclusive gateway', async () => {
    const process = await parseProcess(bpmnDocument([
      startEvent(), '<bpmn:exclusiveGateway id="merge"/>', endEvent(), flow('a', 'start', 'merge'), flow('b', 'merge', 'end'),
    ].join('\n')));
    expect(process.flows.b!.condition).toBeUndefined();
  });

  it('rejects a condition on a flow that does not leave an exclusive gateway', async () => {
    const xml = bpmnDocument([startEvent(), serviceTask('task'), flow('f', 'start', 'task', '=true')].join('\n'));
    expect(await rejection(xml)).toBe('- Element: f > conditionExpression\n    - ERROR: Conditional sequence flows are only supported at exclusive or inclusive gateway');
  });

  it('maps an inclusive gateway with conditions and a default flow', async () => {
    const process = await parseProcess(inclusiveChoice({ toSmall: '=weight &lt; 20', toLarge: '=weight >= 20' }, 'default="toNone"'));
    expect(process.elements.size).toMatchObject({ kind: 'inclusiveGateway', outgoing: ['toSmall', 'toLarge', 'toNone'], defaultFlow: 'toNone' });
    expect(process.flows.toSmall!.condition).toBe('weight < 20');
  });

  it('rejects an outgoing flow of an inclusive gateway with neither condition nor default, in Zeebe\'s words for it', async () => {
    expect(await rejection(inclusiveChoice({ toSmall: '=true', toLarge: '=false' })))
      .toBe('- Element: toNone\n    - ERROR: Must have a condition');
  });

  it('rejects a default flow that does not leave the inclusive gateway', async () => {
    expect(await rejection(inclusiveChoice({ toSmall: '=true', toLarge: '=false' }, 'default="smallDone"')))
      .toBe("- Element: size\n    - ERROR: Default flow 'smallDone' must be an outgoing sequence flow of this gateway\n- Element: toNone\n    - ERROR: Must have a condition");
  });

  it('rejects a condition that is not an expression, as Zeebe words it', async () => {
    expect(await rejection(exclusiveChoice({ toSmall: 'weight &lt; 20' }, 'default="toLarge"')))
      .toBe("- Element: toSmall > conditionExpression\n    - ERROR: Expected expression but found static value 'weight < 20'. An expression must start with '=' (e.g. '=weight < 20').");
  });

  it('rejects a default flow that does not leave the gateway', async () => {
    expect(await rejection(exclusiveChoice({ toSmall: '=true', toLarge: '=false' }, 'default="smallDone"')))
      .toBe("- Element: size\n    - ERROR: Default flow 'smallDone' must be an outgoing sequence flow of this gateway");
  });

  it('rejects a default that is not a sequence flow', async () => {
    expect(await rejection(exclusiveChoice({ toSmall: '=true', toLarge: '=false' }, 'default="small"')))
      .toBe("- Element: size\n    - ERROR: Attribute 'default' must refer to a sequence flow, but 'small' is a bpmn:ServiceTask");
  });

  it('rejects a default that refers to nothing', async () => {
    expect(await rejection(exclusiveChoice({ toSmall: '=true', toLarge: '=false' }, 'default="nothing"')))
      .toBe("- Element: size\n    - ERROR: Attribute 'default' refers to unknown element 'nothing'");
  });

  it('rejects a flow to an unknown element, naming the flow and the missing id', async () => {
    expect(await rejection(bpmnDocument(startEvent() + flow('f', 'start', 'nowhere'))))
      .toBe("- Element: f\n    - ERROR: Attribute 'targetRef' refers to unknown element 'nowhere'");
  });

  it('rejects a flow without a source', async () => {
    expect(await rejection(bpmnDocument(`${startEvent()}<bpmn:sequenceFlow id="f" targetRef="start"/>`)))
      .toBe("- Element: f\n    - ERROR: Attribute 'sourceRef' must be present");
  });

  it('rejects a flow that crosses the border of a sub-process', async () => {
    const xml = bpmnDocument([
      startEvent(), `<bpmn:subProcess id="sub">${startEvent('subStart')}</bpmn:subProcess>`, flow('into', 'start', 'subStart'),
    ].join('\n'));
    expect(await rejection(xml)).toBe(
      "- Element: into\n    - ERROR: Attribute 'targetRef' refers to 'subStart', which is not a flow node in the same process or sub-process as the sequence flow");
  });
});
