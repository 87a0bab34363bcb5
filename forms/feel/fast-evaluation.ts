/**
 * A native evaluator for the FEEL most form conditions are made of: names, paths, literals, comparisons, `and`,
 * `or`, `not(...)`. feelin builds a range object for every `<`, `>=`, ... it evaluates, which makes a condition
 * like `this.weight >= 20` cost microseconds; this evaluator repeats feelin's semantics for those forms (null for
 * what cannot be compared, three-valued logic, JavaScript ordering of numbers and strings) and hands anything else
 * back (FALLBACK), for feelin to evaluate.
 */
import type { FeelContext } from './compiled-expression.js';
import { childrenOf, type FeelNode } from './feel-syntax.js';

export const FALLBACK: unique symbol = Symbol('feelin decides');
export type FastEvaluation = (context: FeelContext) => unknown;

/** The names feelin's built-ins have; one of them not in the data is feelin's to resolve. */
const BUILTIN_NAMES = new Set(['not', 'count', 'sum', 'min', 'max', 'mean', 'date', 'time', 'duration', 'string', 'number', 'list', 'now', 'today', 'abs', 'floor', 'ceiling', 'round', 'modulo', 'sqrt', 'log', 'exp', 'odd', 'even', 'all', 'any', 'append', 'concatenate', 'flatten', 'product', 'median', 'mode', 'reverse', 'distinct', 'sort', 'union', 'matches', 'replace', 'split', 'substring', 'contains', 'decimal', 'context', 'range', 'is']);

/** The evaluator, or undefined where the expression uses more than this evaluator knows. */
export function compileFastEvaluation(root: FeelNode, source: string): FastEvaluation | undefined {
  try {
    return build(root, source);
  } catch {
    return undefined;
  }
}

class Unsupported extends Error {}

function build(node: FeelNode, source: string): FastEvaluation {
  const children = childrenOf(node);
  const text = (child: FeelNode) => source.slice(child.from, child.to);
  switch (node.name) {
    case 'Expression':
    case 'PositiveUnaryTest':
      if (children.length !== 1) throw new Unsupported();
      return build(children[0], source);
    case 'ParenthesizedExpression':
      return build(children[1], source);
    case 'NumericLiteral': {
      const value = text(node).includes('.') ? parseFloat(text(node)) : parseInt(text(node), 10);
      return () => value;
    }
    case 'BooleanLiteral': {
      const value = text(node) === 'true';
      return () => value;
    }
    case 'null':
      return () => null;
    case 'StringLiteral': {
      const raw = text(node);
      if (raw.includes('\\')) throw new Unsupported();
      const value = raw.slice(1, -1);
      return () => value;
    }
    case 'VariableName': {
      if (children.length !== 1) throw new Unsupported();
      const name = text(children[0]);
      const builtin = BUILTIN_NAMES.has(name);
      return (context) => {
        const value = Object.hasOwn(context, name) ? context[name] : undefined;
        if (value !== undefined) return value;
        return builtin ? FALLBACK : null;
      };
    }
    case 'PathExpression': {
      const target = build(children[0], source);
      const member = children[2];
      if (member?.name !== 'PathName' || childrenOf(member).length !== 1) throw new Unsupported();
      const name = text(member);
      return (context) => {
        const value = target(context);
        if (value === FALLBACK) return FALLBACK;
        if (value === null || value === undefined) return null;
        if (Object.prototype.toString.call(value) !== '[object Object]') return FALLBACK;
        const entry = Object.hasOwn(value as object, name) ? (value as Record<string, unknown>)[name] : undefined;
        return entry === undefined ? null : entry;
      };
    }
    case 'Comparison':
      return comparison(children, source);
    case 'Conjunction':
    case 'Disjunction': {
      const left = build(children[0], source);
      const right = build(children[2], source);
      const conjunction = node.name === 'Conjunction';
      return (context) => {
        const a = left(context);
        const b = right(context);
        if (a === FALLBACK || b === FALLBACK) return FALLBACK;
        const x = typeof a === 'boolean' ? a : null;
        const y = typeof b === 'boolean' ? b : null;
        if (conjunction) return x === false || y === false ? false : x === true && y === true ? true : null;
        return x === true || y === true ? true : x === false && y === false ? false : null;
      };
    }
    case 'FunctionInvocation': {
      const [callee, , parameters] = children;
      if (callee?.name !== 'VariableName' || text(callee) !== 'not' || parameters?.name !== 'PositionalParameters') throw new Unsupported();
      const args = childrenOf(parameters);
      if (args.length !== 1) throw new Unsupported();
      const negand = build(args[0], source);
      return (context) => {
        if (Object.hasOwn(context, 'not')) return FALLBACK;
        const value = negand(context);
        if (value === FALLBACK) return FALLBACK;
        return typeof value === 'boolean' ? !value : null;
      };
    }
    default:
      throw new Unsupported();
  }
}

function comparison(children: FeelNode[], source: string): FastEvaluation {
  const [leftNode, operatorNode, rightNode] = children;
  if (operatorNode?.name !== 'CompareOp' || rightNode === undefined) throw new Unsupported();
  const operator = source.slice(operatorNode.from, operatorNode.to);
  const left = build(leftNode, source);
  const right = build(rightNode, source);
  if (operator === '=' || operator === '!=') {
    return (context) => {
      const a = left(context);
      const b = right(context);
      if (a === FALLBACK || b === FALLBACK) return FALLBACK;
      const equal = primitiveEquals(a, b);
      if (equal === FALLBACK || equal === null) return equal;
      return operator === '=' ? equal : !equal;
    };
  }
  if (!['<', '<=', '>', '>='].includes(operator)) throw new Unsupported();
  return (context) => {
    const a = left(context);
    const b = right(context);
    if (a === FALLBACK || b === FALLBACK) return FALLBACK;
    // feelin: a range from the right side (only numbers and strings here), probed with the left side
    if (b === null || b === undefined) return null;
    if (typeof b !== 'number' && typeof b !== 'string') return FALLBACK;
    if (a === null || a === undefined) return null;
    if (typeof a !== 'number' && typeof a !== 'string' && typeof a !== 'boolean') return FALLBACK;
    const less = (a as number) < (b as number);
    const greater = (a as number) > (b as number);
    switch (operator) {
      case '<':
        return less;
      case '<=':
        return !greater;
      case '>':
        return greater;
      default:
        return !less;
    }
  };
}

/** feelin's `equals` for null, booleans, numbers and strings. */
function primitiveEquals(a: unknown, b: unknown): boolean | null | typeof FALLBACK {
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  if ((x === null) !== (y === null)) return false;
  if (x === null) return true;
  const xType = typeof x;
  const yType = typeof y;
  if (!['boolean', 'number', 'string'].includes(xType) || !['boolean', 'number', 'string'].includes(yType)) return FALLBACK;
  if (xType !== yType) return null;
  return x === y;
}
