/**
 * Evaluates a decision table: its input expressions once, each rule's input entries against those values until one
 * fails (for FIRST, until a rule matches), then the output entries of the matching rules, then the hit policy.
 */
import { toJsonValue } from '../feel/index.js';
import { fail, ok, type Result } from '../result.js';
import { compileDecisionTable, type CompiledDecisionTable, type CompiledRule } from './compile-decision-table.js';
import type { EvaluatedDecisionInput, MatchedDecisionRule } from './evaluation-result.js';
import { applyHitPolicy, ruleOutput, type RuleOutputs } from './hit-policies.js';
import type { DecisionTable } from './model.js';

type Variables = Record<string, unknown>;

/** What a decision's logic gave, and what of it was evaluated before it failed, if it failed. */
export interface DecisionOutcome {
  /** As FEEL has it, so that a decision requiring this one gets a date as a date. */
  output: unknown;
  failure?: string;
  evaluatedInputs: EvaluatedDecisionInput[];
  matchedRules: MatchedDecisionRule[];
}

export const jsonText = (value: unknown): string => JSON.stringify(toJsonValue(value));

export const expressionFailure = (source: string, reason: string): string => `failed to evaluate expression '${source}': ${reason}`;

export function evaluateDecisionTable(table: DecisionTable, variables: Variables): DecisionOutcome {
  const compiled = compileDecisionTable(table);
  if (!compiled.ok) return failed(compiled.failure.message);
  const inputValues = evaluateInputs(table, compiled.value, variables);
  if (!inputValues.ok) return failed(inputValues.failure.message);
  const evaluatedInputs = table.inputs.map((input, position): EvaluatedDecisionInput => ({
    inputId: input.id,
    inputName: input.label ?? input.expression,
    inputValue: jsonText(inputValues.value[position]),
  }));
  const matching = matchingRules(compiled.value.rules, inputValues.value, variables, table.hitPolicy === 'FIRST');
  if (!matching.ok) return failed(matching.failure.message, evaluatedInputs);
  if (matching.value.length === 0) {
    const output = outputWithoutMatchingRule(table, compiled.value, variables);
    return output.ok ? { output: output.value, evaluatedInputs, matchedRules: [] } : failed(output.failure.message, evaluatedInputs);
  }
  const matches = ruleOutputs(table, compiled.value.rules, matching.value, variables);
  if (!matches.ok) return failed(matches.failure.message, evaluatedInputs);
  const matchedRules = matches.value.map(({ rule, index, values }): MatchedDecisionRule => ({
    ruleId: rule.id,
    ruleIndex: index + 1,
    evaluatedOutputs: table.outputs.map((output, position) => ({
      outputId: output.id,
      outputName: output.name ?? output.label ?? '',
      outputValue: jsonText(values[position]),
    })),
  }));
  const output = applyHitPolicy(table, matches.value);
  return output.ok ? { output: output.value, evaluatedInputs, matchedRules } : failed(output.failure.message, evaluatedInputs, matchedRules);
}

function failed(failure: string, evaluatedInputs: EvaluatedDecisionInput[] = [], matchedRules: MatchedDecisionRule[] = []): DecisionOutcome {
  return { output: null, failure, evaluatedInputs, matchedRules };
}

function evaluateInputs(table: DecisionTable, compiled: CompiledDecisionTable, variables: Variables): Result<unknown[]> {
  const values: unknown[] = [];
  for (let position = 0; position < compiled.inputs.length; position++) {
    const value = compiled.inputs[position]!.evaluateFeelValue(variables);
    if (!value.ok) return fail(expressionFailure(table.inputs[position]!.expression, value.failure.message));
    values.push(value.value);
  }
  return ok(values);
}

/** Positions of the rules whose input entries all accept the input values, in table order. */
function matchingRules(rules: CompiledRule[], inputValues: unknown[], variables: Variables, firstOnly: boolean): Result<number[]> {
  const matching: number[] = [];
  nextRule: for (let index = 0; index < rules.length; index++) {
    const entries = rules[index]!.inputEntries;
    for (let position = 0; position < entries.length; position++) {
      const entry = entries[position];
      if (entry === undefined) continue;
      const accepted = entry.test(inputValues[position], variables);
      if (!accepted.ok) return fail(expressionFailure(entry.source, accepted.failure.message));
      if (!accepted.value) continue nextRule;
    }
    matching.push(index);
    if (firstOnly) break;
  }
  return ok(matching);
}

function ruleOutputs(table: DecisionTable, rules: CompiledRule[], matching: number[], variables: Variables): Result<RuleOutputs[]> {
  const outputs: RuleOutputs[] = [];
  for (const index of matching) {
    const values: unknown[] = [];
    for (const entry of rules[index]!.outputEntries) {
      const value = entry.evaluateFeelValue(variables);
      if (!value.ok) return fail(expressionFailure(entry.source, value.failure.message));
      values.push(value.value);
    }
    outputs.push({ rule: table.rules[index]!, index, values });
  }
  return ok(outputs);
}

/** The outputs' default output entries when the table has any (an output without one is null), else the hit policy's answer. */
function outputWithoutMatchingRule(table: DecisionTable, compiled: CompiledDecisionTable, variables: Variables): Result<unknown> {
  // dmn-scala answers null for every hit policy, COLLECT and COUNT included; Camunda 8 processes test for it
  if (compiled.defaultOutputs.every((entry) => entry === undefined)) return ok(null);
  const values: unknown[] = [];
  for (const entry of compiled.defaultOutputs) {
    if (entry === undefined) {
      values.push(null);
      continue;
    }
    const value = entry.evaluateFeelValue(variables);
    if (!value.ok) return fail(expressionFailure(entry.source, value.failure.message));
    values.push(value.value);
  }
  return ok(ruleOutput(table, values));
}
