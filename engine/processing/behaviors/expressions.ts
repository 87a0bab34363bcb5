/** Evaluates the model's FEEL expressions and static values in a scope, checking the result type Zeebe expects. */
import type { ValueOrExpression } from '../../bpmn/model.js';
import { evaluateFeel } from '../../feel/index.js';
import { fail, ok, type Result } from '../../result.js';
import type { EngineState } from '../../state/engine-state.js';
import type { Key } from '../../state/types.js';
import { visibleVariables } from './variables.js';

/** `context` holds values that take precedence over the scope's variables (a multi-instance body's counts). */
export function evaluateInScope(state: EngineState, scopeKey: Key, source: string, context?: Record<string, unknown>): Result<unknown> {
  const variables = visibleVariables(state, scopeKey);
  const result = evaluateFeel(source, context ? { ...variables, ...context } : variables);
  if (!result.ok) return fail(`Expected to evaluate expression '${source}', but failed: ${result.failure.message}`);
  return result;
}

function evaluateValue(state: EngineState, scopeKey: Key, value: ValueOrExpression): Result<unknown> {
  return value.kind === 'static' ? ok(value.value) : evaluateInScope(state, scopeKey, value.source);
}

function describe(value: ValueOrExpression): string {
  return value.kind === 'static' ? value.value : `=${value.source}`;
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'object') return 'OBJECT';
  return typeof value === 'number' ? 'NUMBER' : typeof value === 'boolean' ? 'BOOLEAN' : 'STRING';
}

function mismatch(value: ValueOrExpression, expected: string, actual: unknown): Result<never> {
  return mismatchOf(describe(value), expected, actual);
}

function mismatchOf(expression: string, expected: string, actual: unknown): Result<never> {
  return fail(`Expected result of the expression '${expression}' to be '${expected}', but was '${typeName(actual)}'.`);
}

export function evaluateString(state: EngineState, scopeKey: Key, value: ValueOrExpression): Result<string> {
  const result = evaluateValue(state, scopeKey, value);
  if (!result.ok) return result;
  if (typeof result.value === 'string') return ok(result.value);
  if (typeof result.value === 'number' && value.kind === 'feel') return ok(String(result.value));
  return mismatch(value, 'STRING', result.value);
}

export function evaluateInteger(state: EngineState, scopeKey: Key, value: ValueOrExpression): Result<number> {
  const result = evaluateValue(state, scopeKey, value);
  if (!result.ok) return result;
  const number = typeof result.value === 'string' && value.kind === 'static' ? Number(result.value) : result.value;
  if (typeof number === 'number' && Number.isInteger(number)) return ok(number);
  return mismatch(value, 'NUMBER', result.value);
}

/** A list of strings: a FEEL list, or a comma-separated static value as Zeebe allows for candidate groups. */
export function evaluateStringList(state: EngineState, scopeKey: Key, value: ValueOrExpression): Result<string[]> {
  if (value.kind === 'static') return ok(value.value.split(',').map((s) => s.trim()).filter((s) => s !== ''));
  const result = evaluateInScope(state, scopeKey, value.source);
  if (!result.ok) return result;
  if (typeof result.value === 'string') return ok([result.value]);
  if (Array.isArray(result.value) && result.value.every((item) => typeof item === 'string')) return ok(result.value);
  return mismatch(value, 'ARRAY', result.value);
}

/** A date-time for due and follow-up dates: an ISO 8601 string or a FEEL date-time value. */
export function evaluateDateTime(state: EngineState, scopeKey: Key, value: ValueOrExpression): Result<string> {
  const result = evaluateValue(state, scopeKey, value);
  if (!result.ok) return result;
  const text = typeof result.value === 'string' ? result.value : result.value instanceof Date ? result.value.toISOString() : String(result.value ?? '');
  if (text !== '' && !Number.isNaN(Date.parse(text))) return ok(text);
  return mismatch(value, 'DATE_TIME', result.value);
}

export function evaluateCondition(state: EngineState, scopeKey: Key, source: string, context?: Record<string, unknown>): Result<boolean> {
  const result = evaluateInScope(state, scopeKey, source, context);
  if (!result.ok) return result;
  if (typeof result.value === 'boolean') return ok(result.value);
  return mismatch({ kind: 'feel', source }, 'BOOLEAN', result.value);
}

/** A message correlation key: a string, or a number taken as its text, as Zeebe accepts. */
export function evaluateCorrelationKey(state: EngineState, scopeKey: Key, source: string): Result<string> {
  const result = evaluateInScope(state, scopeKey, source);
  if (!result.ok) return result;
  if (typeof result.value === 'string') return ok(result.value);
  if (typeof result.value === 'number') return ok(String(result.value));
  return fail(`Failed to extract the correlation key for '${source}': The value must be either a string or a number, but was ${typeName(result.value)}.`);
}

/** A list, as a multi-instance input collection must be; the message names the expression as Zeebe does, without `=`. */
export function evaluateList(state: EngineState, scopeKey: Key, source: string): Result<unknown[]> {
  const result = evaluateInScope(state, scopeKey, source);
  if (!result.ok) return result;
  if (Array.isArray(result.value)) return ok(result.value);
  return mismatchOf(source, 'ARRAY', result.value);
}
