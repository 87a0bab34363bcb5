/**
 * What a decision table answers for the rules that matched, by its hit policy, as dmn-scala (Zeebe 8.3's DMN engine)
 * does. When no rule matches, every table answers null, multiple-hit tables and COUNT too: that is what dmn-scala
 * gives, and processes written for Camunda 8 test `result = null`.
 */
import { evaluateFeel, feelEquals, toJsonValue } from '../feel/index.js';
import { fail, ok, type Result } from '../result.js';
import type { DecisionRule, DecisionTable } from './model.js';

/** A rule that matched, with its output values as FEEL has them. */
export interface RuleOutputs {
  rule: DecisionRule;
  /** Position in the table, from 0. */
  index: number;
  values: unknown[];
}

/** One output: its value; several: a context of them by output name. */
export function ruleOutput(table: DecisionTable, values: unknown[]): unknown {
  if (table.outputs.length === 1) return values[0];
  return Object.fromEntries(table.outputs.map((output, position) => [output.name ?? output.id, values[position]]));
}

/** The table's answer for `matches` (at least one, in table order). */
export function applyHitPolicy(table: DecisionTable, matches: RuleOutputs[]): Result<unknown> {
  const outputsOf = (rules: RuleOutputs[]) => rules.map(({ values }) => ruleOutput(table, values));
  switch (table.hitPolicy) {
    case 'UNIQUE':
      return matches.length === 1
        ? ok(outputsOf(matches)[0])
        : fail(`multiple rules matched, which hit policy UNIQUE does not allow: ${namesOf(matches)}`);
    case 'FIRST':
      return ok(outputsOf(matches)[0]);
    case 'ANY': {
      const outputs = outputsOf(matches);
      return outputs.every((output) => feelEquals(output, outputs[0]) === true)
        ? ok(outputs[0])
        : fail(`the matching rules have different outputs, which hit policy ANY does not allow: ${
          matches.map((match, position) => `${nameOf(match)} gave ${JSON.stringify(toJsonValue(outputs[position]))}`).join(', ')}`);
    }
    case 'PRIORITY':
      return ok(outputsOf(byPriority(table, matches))[0]);
    case 'OUTPUT ORDER':
      return ok(outputsOf(byPriority(table, matches)));
    case 'RULE ORDER':
      return ok(outputsOf(matches));
    case 'COLLECT':
      return table.aggregation === undefined ? ok(outputsOf(matches)) : aggregate(table.aggregation, matches);
  }
}

/**
 * Sorted by the position of each output's value in its output values, first output first; a value not listed there
 * comes after the listed ones, and rules of equal priority keep their table order.
 */
function byPriority(table: DecisionTable, matches: RuleOutputs[]): RuleOutputs[] {
  const priorities = (values: unknown[]) => table.outputs.map(({ outputValues }, position) => {
    if (outputValues === undefined) return 0;
    const rank = outputValues.indexOf(values[position] as string | number | boolean);
    return rank === -1 ? outputValues.length : rank;
  });
  const ranked = matches.map((match) => ({ match, priority: priorities(match.values) }));
  ranked.sort((a, b) => {
    for (let position = 0; position < a.priority.length; position++) {
      const difference = a.priority[position]! - b.priority[position]!;
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return ranked.map(({ match }) => match);
}

function aggregate(aggregation: 'SUM' | 'COUNT' | 'MIN' | 'MAX', matches: RuleOutputs[]): Result<unknown> {
  if (aggregation === 'COUNT') return ok(matches.length);
  const numbers: number[] = [];
  for (const match of matches) {
    const value = match.values[0];
    if (typeof value !== 'number') {
      return fail(`the ${aggregation} aggregation of hit policy COLLECT needs numbers, but rule ${nameOf(match)} gave ${JSON.stringify(toJsonValue(value))}`);
    }
    numbers.push(value);
  }
  switch (aggregation) {
    case 'MIN': return ok(Math.min(...numbers));
    case 'MAX': return ok(Math.max(...numbers));
    // FEEL's sum adds decimals exactly: the sum of 0.1 and 0.2 is 0.3
    case 'SUM': return evaluateFeel('sum(numbers)', { numbers });
  }
}

const nameOf = ({ rule, index }: RuleOutputs): string => (rule.id !== '' ? `'${rule.id}' (rule ${index + 1})` : `rule ${index + 1}`);

function namesOf(matches: RuleOutputs[]): string {
  const names = matches.map(nameOf);
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
