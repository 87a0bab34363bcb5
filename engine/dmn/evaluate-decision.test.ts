import { describe, expect, it } from '@jest/globals';
import { dmnDocument, failureOf, literalDecision, outputOf, parseGraph, tableDecision } from './dmn-test-documents.js';
import { evaluateDecision } from './evaluate-decision.js';
import type { DecisionRequirementsGraph } from './model.js';

const dish = tableDecision('dish', {
  inputs: ['season', 'guestCount'],
  outputs: ['dish'],
  rules: [
    [['"Winter"', '<= 8'], ['"Roastbeef"']],
    [['"Winter"', '> 8'], ['"Stew"']],
    [['"Summer"', '-'], ['"Salad"']],
  ],
});

describe('what an evaluation reports, as EvaluateDecisionResponse needs it', () => {
  it('reports the inputs, the matched rules with their outputs, and the output, as JSON text', async () => {
    const graph = await parseGraph(dmnDocument(dish));
    expect(evaluateDecision(graph, 'dish', { season: 'Winter', guestCount: 4 })).toEqual({
      ok: true,
      value: {
        output: 'Roastbeef',
        evaluatedDecisions: [{
          decisionId: 'dish',
          decisionName: 'dish',
          decisionType: 'DECISION_TABLE',
          decisionOutput: '"Roastbeef"',
          evaluatedInputs: [
            { inputId: 'dish_input_1', inputName: 'Input 1', inputValue: '"Winter"' },
            { inputId: 'dish_input_2', inputName: 'Input 2', inputValue: '4' },
          ],
          matchedRules: [{
            ruleId: 'dish_rule_1',
            ruleIndex: 1,
            evaluatedOutputs: [{ outputId: 'dish_output_1', outputName: 'dish', outputValue: '"Roastbeef"' }],
          }],
        }],
      },
    });
  });

  it('reports a failed decision last, with what it evaluated before it failed', async () => {
    const graph = await parseGraph(dmnDocument(tableDecision('dish', {
      inputs: ['season'], outputs: ['dish'], rules: [[['"Winter"'], ['"Roastbeef"']], [['-'], ['"Stew"']]],
    })));
    const result = evaluateDecision(graph, 'dish', { season: 'Winter' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.failedDecisionId).toBe('dish');
    expect(result.failure.evaluatedDecisions).toEqual([expect.objectContaining({
      decisionId: 'dish',
      decisionOutput: 'null',
      evaluatedInputs: [expect.objectContaining({ inputValue: '"Winter"' })],
      matchedRules: [expect.objectContaining({ ruleIndex: 1 }), expect.objectContaining({ ruleIndex: 2 })],
    })]);
  });

  it('writes dates as ISO text, and values JSON cannot hold as null', async () => {
    const graph = await parseGraph(dmnDocument(tableDecision('due', {
      inputs: ['date(acquired)'], outputs: ['due', 'range'], rules: [[['>= date("2024-01-01")'], ['date(acquired) + duration("P14D")', '[1..3]']]],
    })));
    const result = evaluateDecision(graph, 'due', { acquired: '2024-05-15' });
    expect(result.ok && result.value.output).toEqual({ due: '2024-05-29', range: null });
    expect(result.ok && result.value.evaluatedDecisions[0]).toMatchObject({
      decisionOutput: '{"due":"2024-05-29","range":null}',
      evaluatedInputs: [{ inputValue: '"2024-05-15"' }],
      matchedRules: [{ evaluatedOutputs: [{ outputValue: '"2024-05-29"' }, { outputValue: 'null' }] }],
    });
  });

  it('fails for a decision the graph does not have', async () => {
    const graph = await parseGraph(dmnDocument(dish));
    expect(evaluateDecision(graph, 'drink', {})).toEqual({
      ok: false,
      failure: { message: "Expected to evaluate decision 'drink', but no decision found with id 'drink'", failedDecisionId: 'drink', evaluatedDecisions: [] },
    });
  });
});

describe('input expressions and input entries', () => {
  it('tests the entries against the value of the input expression, which may compute it', async () => {
    const graph = await parseGraph(dmnDocument(tableDecision('leash', {
      inputs: ['max(dog.heightCm, dog.expectedAdultHeightCm)'], outputs: ['leash'], rules: [[['>= 40'], ['true']], [['< 40'], ['false']]],
    })));
    expect(outputOf(graph, 'leash', { dog: { heightCm: 20, expectedAdultHeightCm: 53 } })).toBe(true);
    expect(outputOf(graph, 'leash', { dog: { heightCm: 20, expectedAdultHeightCm: 30 } })).toBe(false);
  });

  it('lets entries and outputs read variables', async () => {
    const graph = await parseGraph(dmnDocument(tableDecision('fee', {
      inputs: ['amount'], outputs: ['fee'], rules: [[['> limit'], ['amount * rate']], [['<= limit'], ['0']]],
    })));
    expect(outputOf(graph, 'fee', { amount: 200, limit: 100, rate: 0.19 })).toBe(38);
    expect(outputOf(graph, 'fee', { amount: 50, limit: 100, rate: 0.19 })).toBe(0);
  });

  it('fails when an expression fails, naming the expression', async () => {
    const graph = await parseGraph(dmnDocument(tableDecision('dish', {
      inputs: ['assert(season, season != null, "season is required")'], outputs: ['dish'], rules: [[['-'], ['"Stew"']]],
    })));
    expect(failureOf(graph, 'dish', {})).toBe("Expected to evaluate decision 'dish', but failed to evaluate expression "
      + `'assert(season, season != null, "season is required")': Assertion failure: season is required`);
  });
});

describe('literal expressions', () => {
  it('answer the value of their expression', async () => {
    const graph = await parseGraph(dmnDocument(literalDecision('fee', 'if dangerous then 875 else 125')));
    expect(outputOf(graph, 'fee', { dangerous: true })).toBe(875);
    expect(evaluateDecision(graph, 'fee', { dangerous: false })).toEqual({
      ok: true,
      value: {
        output: 125,
        evaluatedDecisions: [{
          decisionId: 'fee', decisionName: 'fee', decisionType: 'LITERAL_EXPRESSION', decisionOutput: '125', evaluatedInputs: [], matchedRules: [],
        }],
      },
    });
  });

  it('fail when their expression fails', async () => {
    const graph = await parseGraph(dmnDocument(literalDecision('fee', 'assert(amount, amount > 0)')));
    expect(failureOf(graph, 'fee', { amount: 0 })).toBe("Expected to evaluate decision 'fee', but failed to evaluate expression "
      + "'assert(amount, amount > 0)': Assertion failure: The condition is not fulfilled");
  });
});

describe('decision requirements', () => {
  const season = literalDecision('season', 'if month in [3..5] then "Spring" else if month in [6..8] then "Summer" else "Winter"');
  const guests = literalDecision('guests', 'adults + children', { variable: 'guestCount' });
  const menu = tableDecision('menu', {
    requires: ['season', 'guests'],
    inputs: ['season', 'guestCount'],
    outputs: ['dish'],
    rules: [[['"Winter"', '<= 8'], ['"Roastbeef"']], [['"Winter"', '> 8'], ['"Stew"']], [['-', '-'], ['"Salad"']]],
    hitPolicy: 'FIRST',
  });

  it('evaluates the required decisions first and gives their outputs by id, or by variable name when there is one', async () => {
    const graph = await parseGraph(dmnDocument([season, guests, menu].join('\n')));
    const result = evaluateDecision(graph, 'menu', { month: 12, adults: 6, children: 4 });
    expect(result.ok && result.value.output).toBe('Stew');
    expect(result.ok && result.value.evaluatedDecisions.map(({ decisionId, decisionOutput }) => [decisionId, decisionOutput]))
      .toEqual([['season', '"Winter"'], ['guests', '10'], ['menu', '"Stew"']]);
  });

  it('evaluates a decision required twice once', async () => {
    const graph = await parseGraph(dmnDocument([
      literalDecision('base', 'x * 2'),
      literalDecision('left', 'base + 1', { requires: ['base'] }),
      literalDecision('right', 'base + 2', { requires: ['base'] }),
      literalDecision('top', '[left, right]', { requires: ['left', 'right'] }),
    ].join('\n')));
    const result = evaluateDecision(graph, 'top', { x: 5 });
    expect(result.ok && result.value.output).toEqual([11, 12]);
    expect(result.ok && result.value.evaluatedDecisions.map(({ decisionId }) => decisionId)).toEqual(['base', 'left', 'right', 'top']);
  });

  it('gives a decision the outputs of the decisions it requires itself, not of theirs', async () => {
    const graph = await parseGraph(dmnDocument([
      literalDecision('base', '1'),
      literalDecision('middle', 'base + 1', { requires: ['base'] }),
      literalDecision('top', '[middle, base]', { requires: ['middle'] }),
    ].join('\n')));
    expect(outputOf(graph, 'top', { base: 'a variable' })).toEqual([2, 'a variable']);
  });

  it('hands a date on as a date', async () => {
    const graph = await parseGraph(dmnDocument([
      literalDecision('acquired', 'date(acquiredOn)'),
      tableDecision('rates', { requires: ['acquired'], inputs: ['acquired'], outputs: ['rate'], rules: [[['>= date("2023-07-01")'], ['125']], [['< date("2023-07-01")'], ['84']]] }),
    ].join('\n')));
    expect(outputOf(graph, 'rates', { acquiredOn: '2024-05-15' })).toBe(125);
    expect(outputOf(graph, 'rates', { acquiredOn: '2020-01-01' })).toBe(84);
  });

  it('fails with the failure of a required decision, naming it', async () => {
    const graph = await parseGraph(dmnDocument([
      literalDecision('guests', 'assert(adults, adults > 0, "no adults")', { variable: 'guestCount' }),
      literalDecision('menu', 'guestCount', { requires: ['guests'] }),
    ].join('\n')));
    expect(evaluateDecision(graph, 'menu', { adults: 0 })).toEqual({
      ok: false,
      failure: {
        message: "Expected to evaluate decision 'menu', but failed to evaluate the required decision 'guests': "
          + "failed to evaluate expression 'assert(adults, adults > 0, \"no adults\")': Assertion failure: no adults",
        failedDecisionId: 'guests',
        evaluatedDecisions: [expect.objectContaining({ decisionId: 'guests', decisionOutput: 'null' })],
      },
    });
  });
});

describe('a graph that was never validated, as from an older engine version', () => {
  const table = (inputEntry: string): DecisionRequirementsGraph['decisions'][number]['logic'] => ({
    type: 'DECISION_TABLE', hitPolicy: 'UNIQUE', inputs: [{ id: 'in', expression: 'x' }], outputs: [{ id: 'out', name: 'y' }],
    rules: [{ id: 'r1', inputEntries: [inputEntry], outputEntries: ['1'] }],
  });
  const graph = (decisions: DecisionRequirementsGraph['decisions']): DecisionRequirementsGraph =>
    ({ decisionRequirementsId: 'g', decisionRequirementsName: 'g', xml: '', decisions });

  it('fails on FEEL that does not parse instead of throwing', () => {
    const broken = graph([{ id: 'd', name: 'd', requiredDecisions: [], resultName: 'd', logic: table('>=') }]);
    expect(failureOf(broken, 'd', { x: 1 })).toMatch(/^Expected to evaluate decision 'd', but failed to parse expression '>=': /);
  });

  it('fails on decisions that require each other instead of recursing without end', () => {
    const cyclic = graph([
      { id: 'a', name: 'a', requiredDecisions: ['b'], resultName: 'a', logic: table('-') },
      { id: 'b', name: 'b', requiredDecisions: ['a'], resultName: 'b', logic: table('-') },
    ]);
    expect(failureOf(cyclic, 'a')).toBe("Expected to evaluate decision 'a', but its required decisions require it in turn");
  });
});
