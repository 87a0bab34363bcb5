/**
 * Makes FEEL's + - * / on numbers decimal. feelin computes them on doubles and offers no hook for its operators, so
 * each binary operation in the source is rewritten into a call of an operator function below (`a + b` becomes
 * `__decimal_add(a, b)`). Those compute numbers with decimal.ts and hand any other operands (strings, dates,
 * durations, null) to feelin's own operator, so nothing but number arithmetic changes.
 */
import { decimalAdd, decimalDivide, decimalMultiply, decimalSubtract } from './decimal.js';
import { feelCallable, type FeelCallable } from './feel-callable.js';
import { defineFeelinFunction } from './feelin-function.js';
import { children, type FeelNode } from './syntax.js';

function operator(feelinOperator: string, decimal: (a: number, b: number) => number | null): FeelCallable {
  const feelinOperation = defineFeelinFunction(['a', 'b'], `a ${feelinOperator} b`);
  return feelCallable(['a', 'b'], (a: unknown, b: unknown) =>
    typeof a === 'number' && typeof b === 'number' ? decimal(a, b) : feelinOperation(a, b));
}

const OPERATOR_NAMES: Record<string, string> = {
  '+': '__decimal_add',
  '-': '__decimal_subtract',
  '*': '__decimal_multiply',
  '/': '__decimal_divide',
};

/** The functions the rewritten source calls, by name; they must win over variables of the same name. */
export const ARITHMETIC_OPERATORS: Readonly<Record<string, FeelCallable>> = {
  __decimal_add: operator('+', decimalAdd),
  __decimal_subtract: operator('-', decimalSubtract),
  __decimal_multiply: operator('*', decimalMultiply),
  __decimal_divide: operator('/', decimalDivide),
};

/** The source of `node` with every binary + - * / replaced by an operator call; comments between operands go. */
export function rewriteArithmetic(node: FeelNode, source: string): string {
  const call = operatorCall(node, source);
  if (call !== undefined) return call;
  let rewritten = '';
  let position = node.from;
  for (const child of children(node)) {
    rewritten += source.slice(position, child.from) + rewriteArithmetic(child, source);
    position = child.to;
  }
  return rewritten + source.slice(position, node.to);
}

function operatorCall(node: FeelNode, source: string): string | undefined {
  if (node.name !== 'ArithmeticExpression') return undefined;
  const operands = children(node).filter((child) => !child.type.isSkipped);
  if (operands.length !== 3) return undefined;
  const [left, op, right] = operands;
  const name = OPERATOR_NAMES[source.slice(op.from, op.to)];
  // "a" + b stays feelin's: a string literal makes feelin type the expression a string, which decides how it filters.
  if (name === undefined || left.name === 'StringLiteral' || right.name === 'StringLiteral') return undefined;
  return `${name}(${rewriteArithmetic(left, source)}, ${rewriteArithmetic(right, source)})`;
}
