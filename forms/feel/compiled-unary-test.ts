/**
 * FEEL unary tests compiled once, answering as form-js's `evaluateUnaryTest` does (feelin's `unaryTest` with no
 * input value `?`, so every test is matched against null; true, false, or null when evaluation fails). form-js uses
 * them for `conditional.hide` and `readonly`.
 *
 * Each positive test that is a plain expression is compiled as an expression; how feelin then matches a test's value
 * against the (null) input is repeated here: a list matches when it holds null, a boolean is its own answer, any
 * other value matches when it is null. Tests of another form (`> 5`, `[1..5]`, `?`) take feelin's slow way.
 */
import { isRange, unaryTest } from 'feelin';
import { compileExpression, type CompiledExpression, type FeelContext } from './compiled-expression.js';
import { childrenOf, describeSyntaxError, parseFeelUnaryTests, type FeelNode } from './feel-syntax.js';
import { NO_SPECIAL_NAMES, type SpecialNames } from './special-names.js';

export interface CompiledUnaryTest {
  readonly source: string;
  test(context: FeelContext, special?: SpecialNames): boolean | null;
}

const cache = new Map<string, CompiledUnaryTest>();
const CACHE_LIMIT = 10_000;

export function compileUnaryTest(source: string): CompiledUnaryTest {
  let compiled = cache.get(source);
  if (compiled === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    compiled = compileUncached(source);
    cache.set(source, compiled);
  }
  return compiled;
}

function unaryTestWithFeelin(source: string, context: FeelContext): boolean | null {
  try {
    return unaryTest(source, context.toObject()).value;
  } catch {
    return null;
  }
}

function compileUncached(source: string): CompiledUnaryTest {
  const slow: CompiledUnaryTest = { source, test: (context) => unaryTestWithFeelin(source, context) };
  const tree = parseFeelUnaryTests(source);
  if (describeSyntaxError(tree, source) !== undefined) return slow;
  const parts = childrenOf(tree.topNode);
  if (parts.length === 1 && parts[0].name === 'Wildcard') return { source, test: () => true };
  const negated = parts[0]?.name === 'not';
  const positive = negated ? parts[2] : parts[0];
  if (positive?.name !== 'PositiveUnaryTests' || (!negated && parts.length !== 1)) return slow;
  const tests: CompiledExpression[] = [];
  for (const test of childrenOf(positive)) {
    const expression = test.name === 'PositiveUnaryTest' ? plainExpressionOf(test) : undefined;
    if (expression === undefined) return slow;
    tests.push(compileExpression(source.slice(expression.from, expression.to)));
  }
  return {
    source,
    test(context, special = NO_SPECIAL_NAMES) {
      // A data key `?` would become the input value; feelin then also compares booleans with it.
      if (context.has('?')) return unaryTestWithFeelin(source, context);
      let matches = false;
      try {
        for (const test of tests) {
          const match = matchesNull(test.evaluateOrThrow(context, special));
          if (match === undefined) return unaryTestWithFeelin(source, context);
          if (match) matches = true;
        }
      } catch {
        return null;
      }
      return negated ? !matches : matches;
    },
  };
}

/** The expression a positive test consists of, unless it is a comparison with the input (`> 5`) or reads `?`. */
function plainExpressionOf(test: FeelNode): FeelNode | undefined {
  const children = childrenOf(test);
  if (children.length !== 1 || children[0].name === 'SimplePositiveUnaryTest') return undefined;
  return readsInputValue(children[0]) ? undefined : children[0];
}

function readsInputValue(node: FeelNode): boolean {
  return node.name === '?' || childrenOf(node).some(readsInputValue);
}

/** feelin's match of a test value against the input null; undefined where only feelin can tell (ranges, functions). */
function matchesNull(value: unknown): boolean | undefined {
  if (Array.isArray(value)) return value.includes(null);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'function' || isRange(value)) return undefined;
  return value === null;
}
