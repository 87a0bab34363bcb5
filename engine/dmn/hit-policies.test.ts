import { describe, expect, it } from '@jest/globals';
import { dmnDocument, failureOf, outputOf, parseGraph, tableDecision, type TableOutput } from './dmn-test-documents.js';

/** One input `size` (a number) and one output, with rules for small (< 10), medium ([5..20]) and large (> 15) sizes. */
async function sizeTable(hitPolicy: string, { aggregation, outputs = ['category'], entries }: {
  aggregation?: string; outputs?: Array<string | TableOutput>; entries?: string[][];
} = {}) {
  const outputEntries = entries ?? [['"small"'], ['"medium"'], ['"large"']];
  const rules: Array<[string[], string[]]> = [[['< 10'], outputEntries[0]!], [['[5..20]'], outputEntries[1]!], [['> 15'], outputEntries[2]!]];
  return parseGraph(dmnDocument(tableDecision('size', { hitPolicy, aggregation, inputs: ['size'], outputs, rules })));
}

describe('hit policy UNIQUE', () => {
  it('answers the output of the one matching rule, and null when none matches', async () => {
    const graph = await sizeTable('UNIQUE');
    expect(outputOf(graph, 'size', { size: 3 })).toBe('small');
    expect(outputOf(graph, 'size', { size: 30 })).toBe('large');
    expect(outputOf(graph, 'size', { size: null })).toBeNull();
  });

  it('fails when more than one rule matches, naming the rules', async () => {
    const graph = await sizeTable('UNIQUE');
    expect(failureOf(graph, 'size', { size: 7 })).toBe("Expected to evaluate decision 'size', but multiple rules matched, "
      + "which hit policy UNIQUE does not allow: 'size_rule_1' (rule 1) and 'size_rule_2' (rule 2)");
  });

  it('is the hit policy of a table that names none', async () => {
    const graph = await parseGraph(dmnDocument(tableDecision('size', {
      inputs: ['size'], outputs: ['category'], rules: [[['< 10'], ['"small"']], [['< 20'], ['"medium"']]],
    })));
    expect(graph.decisions[0]!.logic).toMatchObject({ hitPolicy: 'UNIQUE' });
    expect(failureOf(graph, 'size', { size: 3 })).toMatch(/hit policy UNIQUE/);
  });
});

describe('hit policy FIRST', () => {
  it('answers the output of the first matching rule in table order, and null when none matches', async () => {
    const graph = await sizeTable('FIRST');
    expect(outputOf(graph, 'size', { size: 7 })).toBe('small');
    expect(outputOf(graph, 'size', { size: 18 })).toBe('medium');
    expect(outputOf(graph, 'size', { size: null })).toBeNull();
  });

  it('tests no rule after the first that matches', async () => {
    const graph = await parseGraph(dmnDocument(tableDecision('size', {
      hitPolicy: 'FIRST', inputs: ['size'], outputs: ['category'],
      rules: [[['< 10'], ['"small"']], [['assert(?, false, "never tested")'], ['"other"']]],
    })));
    expect(outputOf(graph, 'size', { size: 3 })).toBe('small');
    expect(failureOf(graph, 'size', { size: 30 })).toMatch(/never tested/);
  });
});

describe('hit policy PRIORITY', () => {
  const outputs = [{ name: 'category', values: '"large","medium","small"' }];

  it('answers the output that comes first in the output values, whatever the rule order', async () => {
    const graph = await sizeTable('PRIORITY', { outputs });
    expect(outputOf(graph, 'size', { size: 7 })).toBe('medium');
    expect(outputOf(graph, 'size', { size: 17 })).toBe('large');
    expect(outputOf(graph, 'size', { size: 3 })).toBe('small');
    expect(outputOf(graph, 'size', { size: null })).toBeNull();
  });

  it('ranks an output not among the output values last, and keeps the table order among equals', async () => {
    const graph = await sizeTable('PRIORITY', { outputs, entries: [['"tiny"'], ['"unlisted"'], ['"large"']] });
    expect(outputOf(graph, 'size', { size: 7 })).toBe('tiny');
    expect(outputOf(graph, 'size', { size: 17 })).toBe('large');
  });

  it('orders by the first output with output values, then by the next', async () => {
    const graph = await sizeTable('PRIORITY', {
      outputs: [{ name: 'level', values: '1,2' }, { name: 'category', values: '"large","medium","small"' }],
      entries: [['2', '"small"'], ['2', '"medium"'], ['1', '"large"']],
    });
    expect(outputOf(graph, 'size', { size: 7 })).toEqual({ level: 2, category: 'medium' });
    expect(outputOf(graph, 'size', { size: 17 })).toEqual({ level: 1, category: 'large' });
  });
});

describe('hit policy ANY', () => {
  it('answers the output the matching rules share, and null when none matches', async () => {
    const graph = await sizeTable('ANY', { entries: [['"fits"'], ['"fits"'], ['"too large"']] });
    expect(outputOf(graph, 'size', { size: 7 })).toBe('fits');
    expect(outputOf(graph, 'size', { size: 30 })).toBe('too large');
    expect(outputOf(graph, 'size', { size: null })).toBeNull();
  });

  it('fails when the matching rules have different outputs, naming the rules and their outputs', async () => {
    const graph = await sizeTable('ANY');
    expect(failureOf(graph, 'size', { size: 17 })).toBe("Expected to evaluate decision 'size', but the matching rules have different outputs, "
      + `which hit policy ANY does not allow: 'size_rule_2' (rule 2) gave "medium", 'size_rule_3' (rule 3) gave "large"`);
  });
});

describe('hit policy COLLECT', () => {
  it('answers the outputs of all matching rules in table order, and null when none matches (as dmn-scala answers)', async () => {
    const graph = await sizeTable('COLLECT');
    expect(outputOf(graph, 'size', { size: 7 })).toEqual(['small', 'medium']);
    expect(outputOf(graph, 'size', { size: 30 })).toEqual(['large']);
    expect(outputOf(graph, 'size', { size: null })).toBeNull();
  });

  it('sums, counts and picks the least and the greatest output, and answers null when no rule matches, COUNT too (as dmn-scala answers)', async () => {
    // size 7 matches rules 1 and 2, size 17 rules 2 and 3, size 30 rule 3, null none
    const sizes = [7, 17, 30, null];
    const expected: Array<[string, unknown[]]> = [
      ['SUM', [0.3, 5.2, 5, null]],
      ['COUNT', [2, 2, 1, null]],
      ['MIN', [0.1, 0.2, 5, null]],
      ['MAX', [0.2, 5, 5, null]],
    ];
    for (const [aggregation, outputs] of expected) {
      const graph = await sizeTable('COLLECT', { aggregation, entries: [['0.1'], ['0.2'], ['5']] });
      expect([aggregation, sizes.map((size) => outputOf(graph, 'size', { size }))]).toEqual([aggregation, outputs]);
    }
  });

  it('fails to aggregate an output that is not a number', async () => {
    const graph = await sizeTable('COLLECT', { aggregation: 'SUM', entries: [['1'], ['"two"'], ['3']] });
    expect(failureOf(graph, 'size', { size: 7 })).toBe("Expected to evaluate decision 'size', but the SUM aggregation of hit policy COLLECT "
      + `needs numbers, but rule 'size_rule_2' (rule 2) gave "two"`);
  });
});

describe('hit policies RULE ORDER and OUTPUT ORDER', () => {
  it('answers all matching outputs in rule order, and null when none matches (as dmn-scala answers)', async () => {
    const graph = await sizeTable('RULE ORDER');
    expect(outputOf(graph, 'size', { size: 17 })).toEqual(['medium', 'large']);
    expect(outputOf(graph, 'size', { size: null })).toBeNull();
  });

  it('answers all matching outputs in the order of the output values', async () => {
    const graph = await sizeTable('OUTPUT ORDER', { outputs: [{ name: 'category', values: '"large","medium","small"' }] });
    expect(outputOf(graph, 'size', { size: 7 })).toEqual(['medium', 'small']);
    expect(outputOf(graph, 'size', { size: 17 })).toEqual(['large', 'medium']);
    expect(outputOf(graph, 'size', { size: null })).toBeNull();
  });
});

describe('tables with several outputs', () => {
  const entries = [['"small"', 'false'], ['"medium"', 'false'], ['"large"', 'true']];

  it('answers a context of the outputs by name for each rule', async () => {
    const graph = await sizeTable('UNIQUE', { outputs: ['category', 'leash'], entries });
    expect(outputOf(graph, 'size', { size: 30 })).toEqual({ category: 'large', leash: true });
  });

  it('collects one context per matching rule', async () => {
    const graph = await sizeTable('COLLECT', { outputs: ['category', 'leash'], entries });
    expect(outputOf(graph, 'size', { size: 17 })).toEqual([{ category: 'medium', leash: false }, { category: 'large', leash: true }]);
  });
});

describe('default output entries', () => {
  it('answer when no rule matches', async () => {
    const graph = await sizeTable('UNIQUE', { outputs: [{ name: 'category', defaultEntry: '"unknown"' }] });
    expect(outputOf(graph, 'size', { size: null })).toBe('unknown');
    expect(outputOf(graph, 'size', { size: 3 })).toBe('small');
  });

  it('make a context with null for an output without one', async () => {
    const graph = await sizeTable('COLLECT', { outputs: [{ name: 'category', defaultEntry: '"unknown"' }, 'leash'], entries: [['1', '2'], ['3', '4'], ['5', '6']] });
    expect(outputOf(graph, 'size', { size: null })).toEqual({ category: 'unknown', leash: null });
  });
});
