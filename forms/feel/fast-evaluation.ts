/**
 * A native evaluator for the FEEL most form conditions are made of: names, paths, literals, comparisons (`between`
 * too), `and`, `or`, `not(...)`, list filters and `count(...)` (`count(dogs[weight >= 20])`). feelin builds a range
 * object for every `<`, `>=`, ... it evaluates, which makes a condition like `this.weight >= 20` cost microseconds.
 * This evaluator gives the answers of form-js's own FEEL engine (@bpmn-io/feelin 6, which differs from feelin 8 on
 * values of different types): null for what cannot be compared, three-valued logic, JavaScript ordering of numbers
 * and strings. Anything else it hands back (FALLBACK), for feelin to evaluate.
 */
import type { FeelContext } from './expression-context.js';
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
        const value = context.get(name);
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
        if (!Array.isArray(value)) return memberOf(value, name);
        // a path on a list is the path on each item
        const members: unknown[] = [];
        for (const item of value) {
          if (Array.isArray(item)) return FALLBACK;
          members.push(memberOf(item, name));
        }
        return members;
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
      const name = callee?.name === 'VariableName' ? text(callee) : undefined;
      if ((name !== 'not' && name !== 'count') || parameters?.name !== 'PositionalParameters') throw new Unsupported();
      const args = childrenOf(parameters);
      if (args.length !== 1) throw new Unsupported();
      const argument = build(args[0], source);
      return (context) => {
        if (context.has(name)) return FALLBACK;
        const value = argument(context);
        if (value === FALLBACK) return FALLBACK;
        if (name === 'not') return typeof value === 'boolean' ? !value : null;
        return Array.isArray(value) ? value.length : FALLBACK;
      };
    }
    case 'FilterExpression':
      return filter(children, source);
    default:
      throw new Unsupported();
  }
}

/** `list[condition]`: the items for which the condition, seeing the item's entries and `item`, is true. */
function filter(children: FeelNode[], source: string): FastEvaluation {
  const [targetNode, , conditionNode] = children;
  let test = conditionNode;
  while (test?.name === 'ParenthesizedExpression') test = childrenOf(test)[1];
  // feelin treats other filters (a number, a name) as an index
  if (test === undefined || !['Comparison', 'Conjunction', 'Disjunction'].includes(test.name)) throw new Unsupported();
  const target = build(targetNode, source);
  const condition = build(conditionNode, source);
  return (context) => {
    const list = target(context);
    if (list === FALLBACK) return FALLBACK;
    if (list === null || list === undefined) return null;
    if (!Array.isArray(list)) return FALLBACK;
    const kept: unknown[] = [];
    for (const item of list) {
      const result = condition(new ItemContext(context, item));
      if (result === FALLBACK) return FALLBACK;
      if (result === true) kept.push(item);
    }
    return kept;
  };
}

/** feelin's filter scope: the item's entries, then `item`, then the enclosing names. */
class ItemContext implements FeelContext {
  constructor(
    private readonly outer: FeelContext,
    private readonly item: unknown,
  ) {}

  private entries(): Record<string, unknown> | undefined {
    return Object.prototype.toString.call(this.item) === '[object Object]' ? (this.item as Record<string, unknown>) : undefined;
  }

  get(name: string): unknown {
    const entries = this.entries();
    if (entries !== undefined && Object.hasOwn(entries, name)) return entries[name];
    return name === 'item' ? this.item : this.outer.get(name);
  }

  has(name: string): boolean {
    const entries = this.entries();
    return (entries !== undefined && Object.hasOwn(entries, name)) || name === 'item' || this.outer.has(name);
  }

  toObject(): Record<string, unknown> {
    return Object.assign({}, this.outer.toObject(), { item: this.item }, this.entries());
  }
}

function comparison(children: FeelNode[], source: string): FastEvaluation {
  const [leftNode, operatorNode, rightNode] = children;
  if (operatorNode?.name === 'between') return between(children, source);
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
      if (equal === FALLBACK) return equal;
      // form-js's FEEL (@bpmn-io/feelin 6) answers `!=` with true wherever `=` is not true, null included
      return operator === '=' ? equal : equal !== true;
    };
  }
  if (!['<', '<=', '>', '>='].includes(operator)) throw new Unsupported();
  return (context) => {
    const a = left(context);
    const b = right(context);
    if (a === FALLBACK || b === FALLBACK) return FALLBACK;
    // feelin: a range from the right side (only numbers and strings here), probed with the left side; form-js's
    // FEEL (@bpmn-io/feelin 6) then compares as JavaScript does, so that text and a number are never `<=` nor `>=`
    if (b === null || b === undefined) return null;
    if (typeof b !== 'number' && typeof b !== 'string') return FALLBACK;
    if (a === null || a === undefined) return null;
    if (typeof a === 'function') return FALLBACK;
    const x = a as number;
    const y = b as number;
    switch (operator) {
      case '<':
        return x < y;
      case '<=':
        return x <= y;
      case '>':
        return x > y;
      default:
        return x >= y;
    }
  };
}

/** `x between low and high`: as form-js's FEEL answers it, JavaScript's `>=` and `<=` on a range of numbers or of text. */
function between(children: FeelNode[], source: string): FastEvaluation {
  if (children.length !== 5 || children[3].name !== 'and') throw new Unsupported();
  const value = build(children[0], source);
  const low = build(children[2], source);
  const high = build(children[4], source);
  return (context) => {
    const x = value(context);
    const from = low(context);
    const to = high(context);
    if (x === FALLBACK || from === FALLBACK || to === FALLBACK) return FALLBACK;
    if (from === null || from === undefined || to === null || to === undefined) return null;
    // a range of anything else, or of a number and text, is feelin's to refuse
    if (typeof from !== typeof to || (typeof from !== 'number' && typeof from !== 'string')) return FALLBACK;
    if (x === null || x === undefined) return null;
    if (typeof x === 'function') return FALLBACK;
    return (x as number) >= (from as number) && (x as number) <= (to as number);
  };
}

/** An entry of a context; null for anything else (text, a number) or a missing entry. */
function memberOf(value: unknown, name: string): unknown {
  if (Object.prototype.toString.call(value) !== '[object Object]' || !Object.hasOwn(value as object, name)) return null;
  const entry = (value as Record<string, unknown>)[name];
  return entry === undefined ? null : entry;
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
