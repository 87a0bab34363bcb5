import { around, bpmnDocument, parseProcess, rejection, serviceTask } from './bpmn-test-documents.js';

describe('job worker tasks', () => {
  it('maps a service task to a job with its type, default retries of 3 and headers', async () => {
    const task = serviceTask('check', `
      <zeebe:taskDefinition type="check-dog"/>
      <zeebe:taskHeaders><zeebe:header key="department" value="Ordnungsamt"/><zeebe:header key="law" value="LHundG NRW"/></zeebe:taskHeaders>`);
    const process = await parseProcess(bpmnDocument(around('check', task)));
    expect(process.elements.check).toMatchObject({
      kind: 'serviceTask',
      job: {
        type: { kind: 'static', value: 'check-dog' },
        retries: { kind: 'static', value: '3' },
        headers: { department: 'Ordnungsamt', law: 'LHundG NRW' },
      },
    });
  });

  it('keeps FEEL type and retries as expressions without the leading =', async () => {
    const task = serviceTask('check', '<zeebe:taskDefinition type="= &quot;check-&quot; + kind" retries="=maxRetries"/>');
    const process = await parseProcess(bpmnDocument(around('check', task)));
    expect(process.elements.check!.job).toMatchObject({
      type: { kind: 'feel', source: '"check-" + kind' },
      retries: { kind: 'feel', source: 'maxRetries' },
    });
  });

  it.each(['sendTask', 'businessRuleTask', 'scriptTask'])('maps a %s with a task definition to a job', async (tag) => {
    const process = await parseProcess(bpmnDocument(around('t', serviceTask('t', '<zeebe:taskDefinition type="mail" retries="5"/>', tag))));
    expect(process.elements.t).toMatchObject({ kind: tag, job: { type: { kind: 'static', value: 'mail' }, retries: { kind: 'static', value: '5' } } });
  });

  it('maps a script task with zeebe:script to a FEEL script instead of a job', async () => {
    const task = serviceTask('tax', '<zeebe:script expression="=if dangerous then 600 else 150" resultVariable="taxPerYear"/>', 'scriptTask');
    const process = await parseProcess(bpmnDocument(around('tax', task)));
    expect(process.elements.tax!.script).toEqual({ expression: 'if dangerous then 600 else 150', resultVariable: 'taxPerYear' });
    expect(process.elements.tax!.job).toBeUndefined();
  });

  it('rejects an empty task type the way Zeebe does', async () => {
    const message = await rejection(bpmnDocument(around('check', serviceTask('check', '<zeebe:taskDefinition type=""/>'))));
    expect(message).toBe("- Element: check > extensionElements > taskDefinition\n    - ERROR: Attribute 'type' must be present and not empty");
  });

  it('rejects a service task without a task definition', async () => {
    const message = await rejection(bpmnDocument(around('check', '<bpmn:serviceTask id="check"/>')));
    expect(message).toBe("- Element: check\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element");
  });

  it('rejects static retries that are not a number', async () => {
    const message = await rejection(bpmnDocument(around('check', serviceTask('check', '<zeebe:taskDefinition type="x" retries="many"/>'))));
    expect(message).toContain("check > extensionElements > taskDefinition\n    - ERROR: Attribute 'retries' must be a number or an expression, but was 'many'");
  });

  it('rejects a header without a key', async () => {
    const task = serviceTask('check', '<zeebe:taskDefinition type="x"/><zeebe:taskHeaders><zeebe:header value="v"/></zeebe:taskHeaders>');
    expect(await rejection(bpmnDocument(around('check', task))))
      .toContain("check > extensionElements > taskHeaders > header\n    - ERROR: Attribute 'key' must be present and not empty");
  });

  it('keeps a header named __proto__ as a header', async () => {
    const task = serviceTask('check', '<zeebe:taskDefinition type="x"/><zeebe:taskHeaders><zeebe:header key="__proto__" value="v"/></zeebe:taskHeaders>');
    const { headers } = (await parseProcess(bpmnDocument(around('check', task)))).elements.check!.job!;
    expect(Object.entries(headers)).toEqual([['__proto__', 'v']]);
  });

  it('rejects a script task missing its result variable', async () => {
    const task = serviceTask('tax', '<zeebe:script expression="=150"/>', 'scriptTask');
    expect(await rejection(bpmnDocument(around('tax', task))))
      .toBe("- Element: tax > extensionElements > script\n    - ERROR: Attribute 'resultVariable' must be present and not empty");
  });

  it('rejects a script whose expression is a static value', async () => {
    const task = serviceTask('tax', '<zeebe:script expression="150" resultVariable="tax"/>', 'scriptTask');
    expect(await rejection(bpmnDocument(around('tax', task))))
      .toContain("Expected expression but found static value '150'. An expression must start with '=' (e.g. '=150').");
  });

  it('rejects a script task with neither a script nor a task definition', async () => {
    expect(await rejection(bpmnDocument(around('tax', '<bpmn:scriptTask id="tax"/>'))))
      .toBe("- Element: tax\n    - ERROR: Must have either one 'zeebe:script' or one 'zeebe:taskDefinition' extension element");
  });

  it('maps a business rule task that calls a decision, static or by FEEL', async () => {
    const task = serviceTask('classify', '<zeebe:calledDecision decisionId="dog-class" resultVariable="class"/>', 'businessRuleTask');
    const process = await parseProcess(bpmnDocument(around('classify', task)));
    expect(process.elements.classify.calledDecision).toEqual({ decisionId: { kind: 'static', value: 'dog-class' }, resultVariable: 'class' });
    const byFeel = serviceTask('classify', '<zeebe:calledDecision decisionId="=table" resultVariable="class"/>', 'businessRuleTask');
    const processByFeel = await parseProcess(bpmnDocument(around('classify', byFeel)));
    expect(processByFeel.elements.classify.calledDecision?.decisionId).toEqual({ kind: 'feel', source: 'table' });
  });

  it('rejects a called decision without decision id or result variable, and one with a job definition too', async () => {
    const missing = serviceTask('classify', '<zeebe:calledDecision decisionId="" resultVariable=" "/>', 'businessRuleTask');
    expect(await rejection(bpmnDocument(around('classify', missing)))).toBe([
      '- Element: classify > extensionElements > calledDecision',
      "    - ERROR: Attribute 'decisionId' must be present and not empty",
      '- Element: classify > extensionElements > calledDecision',
      "    - ERROR: Attribute 'resultVariable' must be present and not empty",
    ].join('\n'));
    const both = serviceTask('classify', '<zeebe:taskDefinition type="x"/><zeebe:calledDecision decisionId="d" resultVariable="r"/>', 'businessRuleTask');
    expect(await rejection(bpmnDocument(around('classify', both))))
      .toBe("- Element: classify > extensionElements\n    - ERROR: Must have either one 'zeebe:calledDecision' or one 'zeebe:taskDefinition' extension element");
  });
});
