/**
 * Compiling a FEEL expression once for many evaluations: parsed and checked once, cached by its source text, and
 * evaluated by a feelin closure built once, or without feelin for a plain variable path or a literal.
 */
import { evaluate } from 'feelin';
import { fail, ok, type Result } from '../result.js';
import { ARITHMETIC_OPERATORS, rewriteArithmetic } from './arithmetic-rewrite.js';
import { BUILTINS } from './builtins.js';
import { defineFeelinFunction } from './feelin-function.js';
import { toJsonValue } from './json-value.js';
import { cachedBySource } from './source-cache.js';
import { parseFeel, type FeelTree } from './syntax.js';
import { variableNames } from './variable-names.js';
import { NOT_PLAIN_DATA, readVariablePath, variablePath } from './variable-path.js';

export interface CompiledFeel {
  /** The expression without Zeebe's leading `=`. */
  readonly source: string;
  /**
   * Evaluates with `variables` as JSON data, answering JSON data: dates, times and durations as ISO 8601 text,
   * functions and ranges as null. Never throws: a FEEL runtime error or a failed `assert` is a failure. Absent variables and operations FEEL cannot do yield null, as in
   * Camunda 8.3+. The result may share objects with `variables`; neither is to be changed.
   */
  evaluate(variables: Record<string, unknown>): Result<unknown>;
  /**
   * Evaluates like `evaluate`, but answers the value as FEEL has it (a date stays a date, a range a range), for handing
   * it to more FEEL, as a decision table hands its input values to the input entries.
   */
  evaluateFeelValue(variables: Record<string, unknown>): Result<unknown>;
}

type Evaluation = (variables: Record<string, unknown>) => unknown;

/** Enough for every expression of many deployed processes. */
const CACHE_LIMIT = 5000;

export const compileFeel: (source: string) => Result<CompiledFeel> = cachedBySource(CACHE_LIMIT, compileUncached);

function compileUncached(source: string): Result<CompiledFeel> {
  const parsed = parseFeel(source);
  if (!parsed.ok) return parsed;
  const body = rewriteArithmetic(parsed.value.topNode, source);
  const bodyTree = body === source ? parsed : parseFeel(body);
  if (!bodyTree.ok) return fail(`cannot compile the expression: ${bodyTree.failure.message}`);
  const feelValue = generalEvaluation(body, bodyTree.value);
  const jsonValue: Evaluation = (variables) => toJsonValue(feelValue(variables));
  return ok({
    source,
    evaluate: failuresAsValues(fastEvaluation(parsed.value, source, jsonValue) ?? jsonValue),
    evaluateFeelValue: failuresAsValues(fastEvaluation(parsed.value, source, feelValue) ?? feelValue),
  });
}

/**
 * feelin's variables are the closure's parameters, one per name the body reads, bound to the variable, else to the
 * builtin of that name, else to undefined (feelin then falls back to its own builtin or null). A name feelin cannot
 * take as a parameter (some names in backticks) leaves feelin to parse at every evaluation.
 */
function generalEvaluation(body: string, tree: FeelTree): Evaluation {
  const names = variableNames(tree.topNode, body);
  const bind = (variables: Record<string, unknown>, name: string): unknown =>
    ARITHMETIC_OPERATORS[name] ?? (Object.hasOwn(variables, name) ? variables[name] : BUILTINS[name]);
  try {
    const closure = defineFeelinFunction(names, body, Object.keys(BUILTINS));
    return (variables) => closure(...names.map((name) => bind(variables, name)));
  } catch {
    return (variables) => evaluate(body, { ...BUILTINS, ...variables, ...ARITHMETIC_OPERATORS }, 'camunda').value;
  }
}

function fastEvaluation(tree: FeelTree, source: string, general: Evaluation): Evaluation | undefined {
  const path = variablePath(tree.topNode, source);
  if (path !== undefined) {
    return (variables) => {
      const value = readVariablePath(variables, path);
      return value === NOT_PLAIN_DATA ? general(variables) : value;
    };
  }
  if (isLiteral(tree)) {
    const value = general({});
    return () => value;
  }
  return undefined;
}

const LITERALS = new Set(['NumericLiteral', 'StringLiteral', 'BooleanLiteral', 'null']);

function isLiteral(tree: FeelTree): boolean {
  const expression = tree.topNode.firstChild;
  return expression !== null && expression.nextSibling === null && LITERALS.has(expression.name);
}

function failuresAsValues(evaluation: Evaluation): CompiledFeel['evaluate'] {
  return (variables) => {
    try {
      return ok(evaluation(variables));
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  };
}
