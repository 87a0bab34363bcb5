/** Whether a FEEL property of a component parses, as form-js would evaluate it. */
import { describeSyntaxError, parseFeelExpression, parseFeelUnaryTests, readNames, childrenOf, type FeelNode } from '../feel/feel-syntax.js';

/** The syntax problem of `=expression`, if any; `kind` is how form-js evaluates it. */
export function feelProblem(source: string, kind: 'expression' | 'unaryTest'): string | undefined {
  const body = source.slice(1);
  const tree = kind === 'expression' ? parseFeelExpression(body) : parseFeelUnaryTests(body);
  const problem = describeSyntaxError(tree, body);
  return problem === undefined ? undefined : `the FEEL ${kind === 'expression' ? 'expression' : 'condition'} does not parse: ${problem}`;
}

export function isFeel(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('=');
}

/**
 * The names an expression reads: its variables, and for `this.x` / `_this_.x` the sibling `x` it reads in a
 * dynamic list item.
 */
export function namesRead(source: string): string[] {
  const body = source.slice(1);
  const tree = parseFeelExpression(body);
  const names = new Set(readNames(tree.topNode, body).variables);
  const visit = (node: FeelNode): void => {
    if (node.name === 'PathExpression') {
      const [target, , member] = childrenOf(node);
      const root = target?.name === 'VariableName' ? body.slice(target.from, target.to) : undefined;
      if ((root === 'this' || root === '_this_') && member !== undefined) names.add(body.slice(member.from, member.to));
    }
    childrenOf(node).forEach(visit);
  };
  visit(tree.topNode);
  return [...names];
}
