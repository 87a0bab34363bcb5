/**
 * A FEEL expression compiled once, evaluated as form-js evaluates it (feelin's `evaluate`, default dialect, the
 * result or null when evaluation fails). feelin parses on every call; a FEEL `function(...)` it returns keeps its
 * parsed body, so the expression is wrapped as `function(<names it reads>) (<expression>)` once and called with
 * the values of those names. Where that could read differently from feelin with the whole data (a called name that
 * is also a data key, names FEEL can only read with the data's help), the call takes feelin's own slow way.
 */
import { evaluate, isFunction } from 'feelin';
import type { FeelContext } from './expression-context.js';
import { compileFastEvaluation, FALLBACK } from './fast-evaluation.js';
import { mayReadSpecialName, NO_SPECIAL_NAMES, wordsOf, type SpecialNames } from './special-names.js';
import { describeSyntaxError, parseFeelExpression, readNames, withFormJsInequality } from './feel-syntax.js';

export type { FeelContext } from './expression-context.js';

export interface CompiledExpression {
  /** The FEEL text, without form-js's leading `=`. */
  readonly source: string;
  /** Never throws: a failed evaluation is null, as in form-js. */
  evaluate(context: FeelContext, special?: SpecialNames): unknown;
  /** The same, but a failed evaluation throws, for callers that must tell it from a null result. */
  evaluateOrThrow(context: FeelContext, special?: SpecialNames): unknown;
}

type Closure = (...args: unknown[]) => unknown;

const cache = new Map<string, CompiledExpression>();
const CACHE_LIMIT = 10_000;

export function compileExpression(source: string): CompiledExpression {
  let compiled = cache.get(source);
  if (compiled === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    compiled = compileUncached(source);
    cache.set(source, compiled);
  }
  return compiled;
}

/** The slow way, exactly what form-js does: feelin parses with the data and evaluates. */
function evaluateWithFeelin(source: string, context: FeelContext): unknown {
  return evaluate(source, context.toObject()).value;
}

function nullOnFailure(run: (context: FeelContext, special?: SpecialNames) => unknown) {
  return (context: FeelContext, special?: SpecialNames): unknown => {
    try {
      return run(context, special);
    } catch {
      return null;
    }
  };
}

function compileUncached(source: string): CompiledExpression {
  const tree = parseFeelExpression(source);
  const valid = describeSyntaxError(tree, source) === undefined;
  // what feelin 8 evaluates: the source, with `!=` answered as form-js's FEEL answers it
  const feelinSource = valid ? withFormJsInequality(tree, source) : source;
  const closure = valid ? closureFor(feelinSource, readNames(parseFeelExpression(feelinSource).topNode, feelinSource)) : undefined;
  if (closure === undefined) {
    const slow = (context: FeelContext) => evaluateWithFeelin(feelinSource, context);
    return { source, evaluateOrThrow: slow, evaluate: nullOnFailure(slow) };
  }
  const { call, parameters, callees } = closure;
  const fast = compileFastEvaluation(tree.topNode, source);
  const words = new Set(wordsOf(source));
  let lastSignature = '';
  let lastSlow = false;
  const evaluateOrThrow = (context: FeelContext, special: SpecialNames = NO_SPECIAL_NAMES): unknown => {
    if (special.signature !== lastSignature) {
      lastSignature = special.signature;
      lastSlow = mayReadSpecialName(words, special);
    }
    if (lastSlow || hasAny(context, callees)) return evaluateWithFeelin(feelinSource, context);
    if (fast !== undefined) {
      const value = fast(context);
      if (value !== FALLBACK) return value;
    }
    return call(...parameters.map((name) => context.get(name)));
  };
  return { source, evaluateOrThrow, evaluate: nullOnFailure(evaluateOrThrow) };
}

/** Whether the context holds any of the names (a data key that shadows a function, say); no closure, it runs per evaluation. */
function hasAny(context: FeelContext, names: readonly string[]): boolean {
  for (const name of names) if (context.has(name)) return true;
  return false;
}

interface FeelinClosure {
  call: Closure;
  parameters: string[];
  callees: string[];
}

function closureFor(source: string, names: { variables: string[]; callees: string[] }): FeelinClosure | undefined {
  // A name both called and read as a value would be shadowed by its parameter where it is called.
  if (names.variables.some((name) => names.callees.includes(name))) return undefined;
  try {
    const definition = evaluate(`function(${names.variables.join(', ')}) (\n${source}\n)`, {});
    const feelFunction = definition.value;
    if (!isFunction(feelFunction) || feelFunction.parameterNames.join('\n') !== names.variables.join('\n')) return undefined;
    // feelin collects every call's warnings in the array of the evaluation that built the closure; keep it empty.
    const warnings = definition.warnings;
    const call: Closure = (...args) => {
      try {
        return feelFunction.fn(...args);
      } finally {
        warnings.length = 0;
      }
    };
    return { call, parameters: names.variables, callees: names.callees };
  } catch {
    return undefined;
  }
}
