import { around, bpmnDocument, endEvent, flow, parseProcess, parseProcesses, rejection, serviceTask, startEvent } from './bpmn-test-documents.js';

describe('processes and their scopes', () => {
  it('holds the process itself under its id, with its none start event', async () => {
    const process = await parseProcess(bpmnDocument(around('check', serviceTask('check'))));
    expect(process.bpmnProcessId).toBe('dog-registration');
    expect(process.name).toBe('Hund anmelden');
    expect(process.elements['dog-registration']).toEqual({
      id: 'dog-registration', name: 'Hund anmelden', kind: 'process', parentId: '',
      incoming: [], outgoing: [], inputs: [], outputs: [], noneStartEventId: 'start',
    });
    expect(process.elements.start).toEqual({
      id: 'start', kind: 'startEvent', parentId: 'dog-registration', incoming: [], outgoing: ['f1'], inputs: [], outputs: [],
    });
  });

  it.each([
    ['manualTask', '<bpmn:manualTask id="x"/>'],
    ['task', '<bpmn:task id="x"/>'],
    ['intermediateThrowEvent', '<bpmn:intermediateThrowEvent id="x"/>'],
  ])('maps a %s', async (kind, element) => {
    expect((await parseProcess(bpmnDocument(around('x', element)))).elements.x!.kind).toBe(kind);
  });

  it('maps an embedded sub-process with its own none start event and children', async () => {
    const subProcess = `<bpmn:subProcess id="checks">
      ${startEvent('checksStart')}${serviceTask('check')}${endEvent('checksEnd')}
      ${flow('s1', 'checksStart', 'check')}${flow('s2', 'check', 'checksEnd')}
    </bpmn:subProcess>`;
    const process = await parseProcess(bpmnDocument(around('checks', subProcess)));
    expect(process.elements.checks).toMatchObject({ kind: 'subProcess', parentId: 'dog-registration', noneStartEventId: 'checksStart' });
    expect(process.elements.check).toMatchObject({ parentId: 'checks', incoming: ['s1'], outgoing: ['s2'] });
    expect(process.flows.s1).toEqual({ id: 's1', sourceId: 'checksStart', targetId: 'check' });
  });

  it('maps input and output mappings: FEEL without =, static values as FEEL string literals, a missing source as null', async () => {
    const task = serviceTask('check', `<zeebe:taskDefinition type="x"/><zeebe:ioMapping>
      <zeebe:input source="=dog.breed" target="breed"/>
      <zeebe:input source="Ordnungsamt &quot;Mitte&quot;" target="department"/>
      <zeebe:input target="result"/>
      <zeebe:output source="=result.dangerous" target="dog.dangerous"/>
    </zeebe:ioMapping>`);
    const node = (await parseProcess(bpmnDocument(around('check', task)))).elements.check!;
    expect(node.inputs).toEqual([
      { source: 'dog.breed', target: 'breed' },
      { source: '"Ordnungsamt \\"Mitte\\""', target: 'department' },
      { source: 'null', target: 'result' },
    ]);
    expect(node.outputs).toEqual([{ source: 'result.dangerous', target: 'dog.dangerous' }]);
  });

  it('rejects a mapping without a target', async () => {
    const task = serviceTask('check', '<zeebe:taskDefinition type="x"/><zeebe:ioMapping><zeebe:output source="=a"/></zeebe:ioMapping>');
    expect(await rejection(bpmnDocument(around('check', task))))
      .toBe("- Element: check > extensionElements > ioMapping > output\n    - ERROR: Attribute 'target' must be present and not empty");
  });

  it('parses every executable process of a collaboration and skips the others', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
      <bpmn:collaboration id="c"><bpmn:participant id="p1" processRef="a"/><bpmn:participant id="p2" processRef="b"/></bpmn:collaboration>
      <bpmn:process id="a" isExecutable="true">${startEvent('s1')}</bpmn:process>
      <bpmn:process id="b" isExecutable="true">${startEvent('s2')}</bpmn:process>
      <bpmn:process id="external" isExecutable="false">${startEvent('s3')}</bpmn:process>
    </bpmn:definitions>`;
    expect((await parseProcesses(xml)).map(({ process }) => process.bpmnProcessId)).toEqual(['a', 'b']);
  });

  it('rejects a document without an executable process', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
      <bpmn:process id="a">${startEvent()}</bpmn:process></bpmn:definitions>`;
    expect(await rejection(xml)).toBe('- Element: d\n    - ERROR: Must contain at least one executable process');
  });

  it('rejects a process without a start event', async () => {
    expect(await rejection(bpmnDocument(endEvent()))).toBe('- Element: dog-registration\n    - ERROR: Must have at least one start event');
  });

  it('rejects a process with two none start events', async () => {
    expect(await rejection(bpmnDocument(startEvent('a') + startEvent('b'))))
      .toBe('- Element: dog-registration\n    - ERROR: Multiple none start events are not allowed');
  });

  it('rejects a process whose only start event is of an unsupported kind, naming that event only', async () => {
    const xml = bpmnDocument('<bpmn:startEvent id="onChange"><bpmn:conditionalEventDefinition/></bpmn:startEvent>');
    expect(await rejection(xml))
      .toBe("- Element: onChange\n    - ERROR: Element 'onChange' of type 'bpmn:StartEvent' with 'bpmn:ConditionalEventDefinition' is not supported yet");
  });

  it('rejects a sub-process without a none start event', async () => {
    expect(await rejection(bpmnDocument(around('checks', `<bpmn:subProcess id="checks">${endEvent('inner')}</bpmn:subProcess>`))))
      .toBe('- Element: checks\n    - ERROR: Must have exactly one start event');
  });

  it('rejects an element without an id', async () => {
    expect(await rejection(bpmnDocument(`${startEvent()}<bpmn:task/>`)))
      .toBe("- Element: <bpmn:Task without id>\n    - ERROR: Attribute 'id' must be present and not empty");
  });

  it('produces plain JSON data, so a deployment event can carry it', async () => {
    const parsed = await parseProcesses(bpmnDocument(around('check', serviceTask('check'))));
    expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual(parsed);
  });

  it('accepts elements no flow reaches, as Zeebe does', async () => {
    const process = await parseProcess(bpmnDocument(`${startEvent()}${serviceTask('orphan')}`));
    expect(process.elements.orphan!.incoming).toEqual([]);
  });
});
