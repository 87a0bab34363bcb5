/**
 * FEEL unary tests, the input entries of a decision table (`"a","b"`, `< 10`, `[1..5]`, `not(null)`, `? > limit`,
 * `-`), compiled once per source. As in Camunda 8.3+ (feel-scala 1.17), each test answers true, false or null (not
 * comparable); a list of tests is satisfied when one of them is true, `not(...)` negates that, and only a satisfied
 * entry lets a rule match. Values without variables in them (`"a"`, `10`, `date("2024-01-01")`) are computed once,
 * so the common entries compare plain values without calling into feelin.
 */
import { fail, ok, type Result } from '../result.js';
import { compileFeel } from './compile.js';
import { feelCompare, feelEquals, type OrderOperator } from './compare-values.js';
import { cachedBySource } from './source-cache.js';
import { children, parseFeelUnaryTests, type FeelNode } from './syntax.js';

export interface CompiledUnaryTests {
  readonly source: string;
  /**
   * Whether `input` satisfies the tests. `input` is a value as FEEL has it (see `CompiledFeel.evaluateFeelValue`);
   * `variables` are for the expressions in the tests. Fails when such an expression fails.
   */
  test(input: unknown, variables: Record<string, unknown>): Result<boolean>;
}

type Variables = Record<string, unknown>;
/** One test, or a list of them: true, false, or null when the input is not comparable. */
type Test = (input: unknown, variables: Variables) => boolean | null;
type Operand = (input: unknown, variables: Variables) => unknown;

/** Thrown by an operand whose expression fails, and turned into a failure by `test`. */
class OperandFailure extends Error {}

/** `?` is no name a FEEL function can take as a parameter, so the expressions read the input under this one. */
const INPUT_NAME = '__unary_test_input';
const CACHE_LIMIT = 5000;
const SATISFIED = ok(true);
const NOT_SATISFIED = ok(false);

export const compileUnaryTests: (source: string) => Result<CompiledUnaryTests> = cachedBySource(CACHE_LIMIT, compileUncached);

function compileUncached(source: string): Result<CompiledUnaryTests> {
  const trimmed = source.trim();
  if (trimmed === '' || trimmed === '-') return ok({ source, test: () => SATISFIED });
  const tree = parseFeelUnaryTests(source);
  if (!tree.ok) return tree;
  const test = compileTopNode(tree.value.topNode, source);
  if (!test.ok) return test;
  const satisfied = test.value;
  return ok({
    source,
    test(input, variables) {
      try {
        return satisfied(input, variables) === true ? SATISFIED : NOT_SATISFIED;
      } catch (error) {
        if (error instanceof OperandFailure) return fail(error.message);
        throw error;
      }
    },
  });
}

const parts = (node: FeelNode): FeelNode[] => children(node).filter((child) => !child.type.isSkipped);

/** `UnaryTests`: a wildcard, a list of positive tests, or `not(` that list `)`. */
function compileTopNode(node: FeelNode, source: string): Result<Test> {
  const [first] = parts(node);
  if (first?.name === 'Wildcard') return ok(() => true);
  const negated = first?.name === 'not';
  const list = parts(node).find((part) => part.name === 'PositiveUnaryTests');
  if (list === undefined) return fail(`cannot read the unary tests '${source}'`);
  const tests: Test[] = [];
  for (const positive of parts(list)) {
    const test = compilePositiveTest(positive, source);
    if (!test.ok) return test;
    tests.push(test.value);
  }
  const anyTest = tests.length === 1 ? tests[0]! : anyOf(tests);
  return ok(negated ? (input, variables) => not(anyTest(input, variables)) : anyTest);
}

function anyOf(tests: Test[]): Test {
  return (input, variables) => {
    let unknown = false;
    for (const test of tests) {
      const result = test(input, variables);
      if (result === true) return true;
      if (result === null) unknown = true;
    }
    return unknown ? null : false;
  };
}

const not = (result: boolean | null): boolean | null => (result === null ? null : !result);

function compilePositiveTest(node: FeelNode, source: string): Result<Test> {
  const [test] = parts(node);
  if (test === undefined) return fail(`cannot read the unary tests '${source}'`);
  if (test.name === 'SimplePositiveUnaryTest') {
    const [first, second] = parts(test);
    if (first?.name === 'Interval') return compileInterval(first, source);
    if (first?.name === 'CompareOp' && second !== undefined) {
      return compileComparison(source.slice(first.from, first.to), second, source);
    }
    return fail(`cannot read the unary test '${source.slice(test.from, test.to)}'`);
  }
  // A boolean alone is compared with the input; any other expression is a test of its own (see expressionTest).
  if (test.name === 'BooleanLiteral') return compileComparison('=', test, source);
  const operand = compileOperand(test, source);
  return operand.ok ? ok(expressionTest(operand.value)) : operand;
}

function compileComparison(operator: string, operandNode: FeelNode, source: string): Result<Test> {
  const compiled = compileOperand(operandNode, source);
  if (!compiled.ok) return compiled;
  const operand = compiled.value;
  switch (operator) {
    case '=': return ok((input, variables) => feelEquals(input, operand(input, variables)));
    case '!=': return ok((input, variables) => not(feelEquals(input, operand(input, variables))));
    case '<': case '<=': case '>': case '>=': {
      const order = operator as OrderOperator;
      return ok((input, variables) => feelCompare(order, input, operand(input, variables)));
    }
    default: return fail(`unknown comparison '${operator}' in '${source}'`);
  }
}

/** `[a..b]`, `(a..b]`, `]a..b[`: a round or outward bracket leaves its end out. */
function compileInterval(node: FeelNode, source: string): Result<Test> {
  const [opening, startNode, , endNode, closing] = parts(node);
  if (opening === undefined || startNode === undefined || endNode === undefined || closing === undefined) {
    return fail(`cannot read the interval '${source.slice(node.from, node.to)}'`);
  }
  const start = compileOperand(startNode, source);
  if (!start.ok) return start;
  const end = compileOperand(endNode, source);
  if (!end.ok) return end;
  const lower: OrderOperator = source.slice(opening.from, opening.to) === '[' ? '>=' : '>';
  const upper: OrderOperator = source.slice(closing.from, closing.to) === ']' ? '<=' : '<';
  return ok((input, variables) => {
    const aboveStart = feelCompare(lower, input, start.value(input, variables));
    if (aboveStart === false) return false;
    const belowEnd = feelCompare(upper, input, end.value(input, variables));
    if (belowEnd === false) return false;
    return aboveStart === null || belowEnd === null ? null : true;
  });
}

/**
 * An expression as a test (feel-scala's rule): satisfied when it is true, is a list holding the input, or equals the
 * input; not comparable (null) when it cannot be compared with the input; otherwise not satisfied.
 */
function expressionTest(operand: Operand): Test {
  return (input, variables) => {
    const value = operand(input, variables);
    if (value === true) return true;
    if (Array.isArray(value) && value.some((item) => feelEquals(input, item) === true)) return true;
    const equal = feelEquals(input, value);
    if (equal === true) return true;
    if (value === false || Array.isArray(value)) return false;
    return equal;
  };
}

/** An expression inside the tests; without variables or `?` it is a constant, computed once here. */
function compileOperand(node: FeelNode, source: string): Result<Operand> {
  const { text, readsInput, readsVariables } = operandSource(node, source);
  const compiled = compileFeel(text);
  if (!compiled.ok) return compiled;
  const { evaluateFeelValue } = compiled.value;
  if (!readsInput && !readsVariables) {
    const constant = evaluateFeelValue({});
    return constant.ok ? ok(() => constant.value) : constant;
  }
  return ok((input, variables) => {
    const value = evaluateFeelValue(readsInput ? { ...variables, [INPUT_NAME]: input } : variables);
    if (!value.ok) throw new OperandFailure(value.failure.message);
    return value.value;
  });
}

/** The operand's source with each `?` renamed, and whether it reads the input or any name (a variable, a function). */
function operandSource(node: FeelNode, source: string): { text: string; readsInput: boolean; readsVariables: boolean } {
  let text = '';
  let position = node.from;
  let readsInput = false;
  let readsVariables = false;
  const visit = (current: FeelNode): void => {
    if (current.name === '?') {
      text += source.slice(position, current.from) + INPUT_NAME;
      position = current.to;
      readsInput = true;
      return;
    }
    if (current.name === 'VariableName') readsVariables = true;
    children(current).forEach(visit);
  };
  visit(node);
  return { text: text + source.slice(position, node.to), readsInput, readsVariables };
}
