import { describe, expect, it } from '@jest/globals';
import { dmnDocument, literalDecision, outputOf, parseGraph, rejection, tableDecision } from './dmn-test-documents.js';

const dish = tableDecision('dish', {
  name: 'Dish',
  inputs: ['season'],
  outputs: [{ name: 'dish', values: '"Stew","Salad"' }],
  rules: [[['"Winter"'], ['"Stew"']], [['"Summer"'], ['"Salad"']]],
});

/** The error lines of a rejection: `decision > path: message`. */
const errorsOf = (message: string): string[] =>
  [...message.matchAll(/^- Element: (.*)\n {4}- ERROR: (.*)$/gm)].map(([, element, error]) => `${element}: ${error}`);

describe('the model of a DMN resource', () => {
  it('holds the graph, its decisions and their FEEL as written', async () => {
    const xml = dmnDocument([
      dish,
      literalDecision('menu', '"Today: " + dish', { variable: 'menuText', requires: ['dish'] }),
    ].join('\n'));
    expect(await parseGraph(xml)).toEqual({
      decisionRequirementsId: 'hund',
      decisionRequirementsName: 'Hund anmelden',
      xml,
      decisions: [
        {
          id: 'dish',
          name: 'Dish',
          requiredDecisions: [],
          resultName: 'dish',
          logic: {
            type: 'DECISION_TABLE',
            hitPolicy: 'UNIQUE',
            inputs: [{ id: 'dish_input_1', label: 'Input 1', expression: 'season', typeRef: 'string' }],
            outputs: [{ id: 'dish_output_1', name: 'dish', label: 'dish', outputValues: ['Stew', 'Salad'] }],
            rules: [
              { id: 'dish_rule_1', inputEntries: ['"Winter"'], outputEntries: ['"Stew"'] },
              { id: 'dish_rule_2', inputEntries: ['"Summer"'], outputEntries: ['"Salad"'] },
            ],
          },
        },
        {
          id: 'menu',
          name: 'menu',
          requiredDecisions: ['dish'],
          resultName: 'menuText',
          logic: { type: 'LITERAL_EXPRESSION', expression: '"Today: " + dish', variableName: 'menuText' },
        },
      ],
    });
  });

  it('is plain JSON data', async () => {
    const graph = await parseGraph(dmnDocument(dish));
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });

  it('names a decision and a graph without a name by their ids', async () => {
    const graph = await parseGraph(dmnDocument('<decision id="fee"><literalExpression><text>125</text></literalExpression></decision>', { name: '' }));
    expect([graph.decisionRequirementsName, graph.decisions[0]!.name]).toEqual(['hund', 'fee']);
  });
});

describe('DMN versions', () => {
  const versions: Array<[string, string, string]> = [
    ['1.1', 'http://www.omg.org/spec/DMN/20151101/dmn.xsd', ''],
    ['1.2', 'http://www.omg.org/spec/DMN/20180521/MODEL/', 'http://www.omg.org/spec/DMN/20180521/DMNDI/'],
    ['1.3', 'https://www.omg.org/spec/DMN/20191111/MODEL/', 'https://www.omg.org/spec/DMN/20191111/DMNDI/'],
    ['1.3 (written with http)', 'http://www.omg.org/spec/DMN/20191111/MODEL/', 'https://www.omg.org/spec/DMN/20191111/DMNDI/'],
    ['1.4', 'https://www.omg.org/spec/DMN/20211108/MODEL/', 'https://www.omg.org/spec/DMN/20191111/DMNDI/'],
    ['1.5', 'https://www.omg.org/spec/DMN/20230324/MODEL/', 'https://www.omg.org/spec/DMN/20230324/DMNDI/'],
  ];

  it.each(versions)('reads DMN %s', async (_version, namespace, dmndi) => {
    const diagram = dmndi === '' ? '' : `<dmndi:DMNDI xmlns:dmndi="${dmndi}" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/">
  <dmndi:DMNDiagram><dmndi:DMNShape dmnElementRef="dish"><dc:Bounds height="80" width="180" x="160" y="100"/></dmndi:DMNShape></dmndi:DMNDiagram>
</dmndi:DMNDI>`;
    const xml = dmnDocument(`${dish}\n${diagram}`, { namespace });
    const graph = await parseGraph(xml);
    expect(graph.xml).toBe(xml);
    expect(outputOf(graph, 'dish', { season: 'Winter' })).toBe('Stew');
  });

  it('rejects the boxed expressions of DMN 1.4, naming the decision', async () => {
    const xml = dmnDocument('<decision id="fee"><conditional><if><literalExpression><text>true</text></literalExpression></if></conditional></decision>',
      { namespace: 'https://www.omg.org/spec/DMN/20211108/MODEL/' });
    expect(errorsOf(await rejection(xml))).toEqual([
      'fee: Expected the decision to have a <decisionTable> or a <literalExpression>, but found none; decision logic other than decision tables '
      + 'and literal expressions (contexts, invocations, lists, relations, function definitions, the boxed expressions of DMN 1.4 and 1.5) is not supported',
    ]);
  });
});

describe('documents that are no DMN', () => {
  it('rejects a document type declaration before parsing', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${dmnDocument(dish).replace(/^<\?xml[^>]*>/, '')}`;
    expect(await rejection(xml)).toBe('A document type declaration (<!DOCTYPE ...>) is not allowed: it could declare entities that expand without bound or read external files');
  });

  it('rejects malformed XML with the line and column the parser stopped at', async () => {
    const xml = dmnDocument('<decision id="fee">\n<literalExpression><text>125</text></decision>');
    expect(await rejection(xml)).toBe('Not well-formed XML: closing tag mismatch (line 4, column 36)');
  });

  it('rejects a BPMN file given as .dmn, saying what it is', async () => {
    const bpmn = '<?xml version="1.0"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>';
    expect(await rejection(bpmn)).toBe("Not a DMN document: its root element is <bpmn:definitions> in namespace 'http://www.omg.org/spec/BPMN/20100524/MODEL'; "
      + "expected <definitions> in the namespace of DMN 1.1 to 1.5, such as 'https://www.omg.org/spec/DMN/20191111/MODEL/'");
  });

  it('rejects a document without decisions', async () => {
    expect(errorsOf(await rejection(dmnDocument('<inputData id="age" name="Age"/>')))).toEqual(['hund: Must contain at least one decision']);
  });
});

describe('validation at deployment, naming the decision and the rule', () => {
  it('rejects FEEL that does not parse in input expressions, output entries, default output entries and literal expressions', async () => {
    const xml = dmnDocument([
      tableDecision('dish', {
        inputs: ['season +'], outputs: [{ name: 'dish', defaultEntry: '"none' }], rules: [[['"Winter"'], ['if then']]],
      }),
      literalDecision('fee', '125 *'),
    ].join('\n'));
    expect(errorsOf(await rejection(xml))).toEqual([
      "dish > dish_input_1 > inputExpression: FEEL expression: failed to parse expression 'season +': the expression ends too early in arithmetic expression at line 1, column 9",
      `dish > dish_output_1 > defaultOutputEntry: FEEL expression: failed to parse expression '"none': unexpected '"' in expression at line 1, column 1`,
      "dish > dish_rule_1 > outputEntry 1: FEEL expression: failed to parse expression 'if then': unexpected 'then' in if expression at line 1, column 4",
      "fee > literalExpression: FEEL expression: failed to parse expression '125 *': the expression ends too early in arithmetic expression at line 1, column 6",
    ]);
  });

  it('rejects input entries that are no unary tests', async () => {
    const xml = dmnDocument(tableDecision('dish', {
      inputs: ['season', 'guests'], outputs: ['dish'],
      rules: [[['"Winter"', '>='], ['"Stew"']], [['"a" "b"', '[1..'], ['"Salad"']]],
    }));
    expect(errorsOf(await rejection(xml))).toEqual([
      "dish > dish_rule_1 > inputEntry 2: FEEL unary-tests: failed to parse expression '>=': the expression ends too early in simple positive unary test at line 1, column 3",
      expect.stringMatching(/^dish > dish_rule_2 > inputEntry 1: FEEL unary-tests: failed to parse expression '"a" "b"': /),
      expect.stringMatching(/^dish > dish_rule_2 > inputEntry 2: FEEL unary-tests: failed to parse expression '\[1\.\.': /),
    ]);
  });

  it('accepts the usual input entries', async () => {
    const entries = ['-', '', '"a","b"', '[1..10]', '>= 20', 'not("x")', 'not(< 3, > 7)', '? > limit', 'null', 'date("2024-01-01")', ']1..5['];
    const xml = dmnDocument(tableDecision('any', { hitPolicy: 'COLLECT', inputs: ['x'], outputs: ['y'], rules: entries.map((entry) => [[entry], ['1']]) }));
    expect((await parseGraph(xml)).decisions[0]!.logic).toMatchObject({ rules: entries.map((entry) => ({ inputEntries: [entry] })) });
  });

  it('rejects a rule with more or fewer entries than the table has inputs and outputs', async () => {
    const xml = dmnDocument(tableDecision('dish', {
      inputs: ['season', 'guests'], outputs: ['dish'],
      rules: [[['"Winter"'], ['"Stew"']], [['"Summer"', '-'], ['"Salad"', '"Ice"']], [['"Fall"', '-'], ['"Soup"']]],
    }));
    expect(errorsOf(await rejection(xml))).toEqual([
      'dish > dish_rule_1: Expected 2 input entries, one for each input, but the rule has 1',
      'dish > dish_rule_2: Expected 1 output entry, one for each output, but the rule has 2',
    ]);
  });

  it('rejects a required decision the graph does not have, or from another file', async () => {
    const xml = dmnDocument([
      literalDecision('menu', 'dish', { requires: ['dish'] }),
      '<decision id="drink"><informationRequirement><requiredDecision href="other.dmn#dish"/></informationRequirement><literalExpression><text>1</text></literalExpression></decision>',
    ].join('\n'));
    expect(errorsOf(await rejection(xml))).toEqual([
      "drink > informationRequirement: Expected a required decision of this file, referred to as '#<decision id>', but found 'other.dmn#dish'",
      "menu > informationRequirement: Expected the required decision 'dish' to be a decision of this decision requirements graph, but found no decision with this id",
    ]);
  });

  it('rejects decisions that require each other in a circle', async () => {
    const xml = dmnDocument([
      literalDecision('a', 'c', { requires: ['c'] }),
      literalDecision('b', 'a', { requires: ['a'] }),
      literalDecision('c', 'b', { requires: ['b'] }),
      literalDecision('self', 'self', { requires: ['self'] }),
    ].join('\n'));
    expect(errorsOf(await rejection(xml))).toEqual([
      'a: Invalid DMN model: Cyclic dependencies between decisions detected: a → c → b → a',
      'self: Invalid DMN model: Cyclic dependencies between decisions detected: self → self',
    ]);
  });

  it('rejects two decisions with the same id', async () => {
    const xml = dmnDocument([literalDecision('fee', '125'), literalDecision('fee', '875')].join('\n'));
    expect(errorsOf(await rejection(xml))).toEqual(["fee: Id 'fee' is used by more than one element (line 4, column 1)"]);
  });

  it('rejects unknown hit policies and aggregations, and an aggregation but with COLLECT and one output', async () => {
    const table = (id: string, hitPolicy: string, aggregation?: string, outputs = ['fee']) =>
      tableDecision(id, { hitPolicy, aggregation, inputs: ['x'], outputs, rules: [[['-'], outputs.map(() => '1')]] });
    const xml = dmnDocument([
      table('unknownPolicy', 'SOMETIMES'),
      table('unknownAggregation', 'COLLECT', 'AVERAGE'),
      table('firstWithSum', 'FIRST', 'SUM'),
      table('compoundSum', 'COLLECT', 'SUM', ['fee', 'tax']),
    ].join('\n'));
    expect(errorsOf(await rejection(xml))).toEqual([
      "unknownPolicy: Unknown hit policy 'SOMETIMES'; expected one of UNIQUE, FIRST, PRIORITY, ANY, COLLECT, RULE ORDER, OUTPUT ORDER",
      "unknownAggregation: Unknown aggregation 'AVERAGE'; expected one of SUM, COUNT, MIN, MAX",
      "firstWithSum: Expected an aggregation only with hit policy COLLECT, but found aggregation 'SUM' with hit policy FIRST",
      "compoundSum: hit policy 'COLLECT' with aggregator is not defined for compound output",
    ]);
  });

  it('rejects outputs of a table with several outputs that have no name or the same name', async () => {
    const xml = dmnDocument(`<decision id="fee"><decisionTable>
      <input id="in"><inputExpression><text>x</text></inputExpression></input>
      <output id="out1" label="Fee"/><output id="out2" name="tax"/><output id="out3" name="tax"/>
      <rule id="r1"><inputEntry><text>-</text></inputEntry><outputEntry><text>1</text></outputEntry><outputEntry><text>2</text></outputEntry><outputEntry><text>3</text></outputEntry></rule>
    </decisionTable></decision>`);
    expect(errorsOf(await rejection(xml))).toEqual([
      'fee > out1: no output name defined for `Fee`',
      "fee > out3: Expected the output names to be unique, but found 'tax' more than once",
    ]);
  });

  it('rejects PRIORITY and OUTPUT ORDER without output values, and output values that are no list of values', async () => {
    const xml = dmnDocument([
      tableDecision('priority', { hitPolicy: 'PRIORITY', inputs: ['x'], outputs: ['fee'], rules: [[['-'], ['1']]] }),
      tableDecision('ordered', { hitPolicy: 'OUTPUT ORDER', inputs: ['x'], outputs: [{ name: 'fee', values: '< 10' }], rules: [[['-'], ['1']]] }),
    ].join('\n'));
    expect(errorsOf(await rejection(xml))).toEqual([
      'priority: Expected output values on an output for hit policy PRIORITY, which orders the matching rules by them',
      `ordered > ordered_output_1 > outputValues: Expected the output values to be values separated by commas, like "high","low", but found '< 10'`,
      'ordered: Expected output values on an output for hit policy OUTPUT ORDER, which orders the matching rules by them',
    ]);
  });

  it('rejects decision logic other than decision tables and literal expressions, and a decision without logic', async () => {
    const xml = dmnDocument([
      '<decision id="context"><context><contextEntry><literalExpression><text>1</text></literalExpression></contextEntry></context></decision>',
      '<decision id="invocation"><invocation/></decision>',
      '<decision id="empty" name="Empty"/>',
    ].join('\n'));
    expect(errorsOf(await rejection(xml)).map((error) => error.replace(/; decision logic other .*$/, ''))).toEqual([
      'context: Expected the decision to have a <decisionTable> or a <literalExpression>, but found a <context>',
      'invocation: Expected the decision to have a <decisionTable> or a <literalExpression>, but found an <invocation>',
      'empty: Expected the decision to have a <decisionTable> or a <literalExpression>, but found none',
    ]);
  });

  it('rejects an expression language other than FEEL', async () => {
    const xml = dmnDocument([
      '<decision id="fee"><literalExpression expressionLanguage="javascript"><text>125</text></literalExpression></decision>',
      '<decision id="tax"><literalExpression expressionLanguage="https://www.omg.org/spec/DMN/20191111/FEEL/"><text>1</text></literalExpression></decision>',
    ].join('\n'));
    expect(errorsOf(await rejection(xml))).toEqual(["fee > literalExpression: Expression language 'javascript' is not supported"]);
  });

  it('rejects an input without an input expression', async () => {
    const xml = dmnDocument(`<decision id="fee"><decisionTable><input id="in"/><output id="out" name="fee"/>
      <rule id="r1"><inputEntry><text>-</text></inputEntry><outputEntry><text>1</text></outputEntry></rule></decisionTable></decision>`);
    expect(errorsOf(await rejection(xml))).toEqual(["fee > in > inputExpression: FEEL expression: failed to parse expression '': the expression is empty"]);
  });
});
