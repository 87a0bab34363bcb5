/**
 * FEEL source as feelin parses it for form-js: the default dialect, no variables told to the parser. A name with
 * a space or a dash (`first name`, `readonly-textfield`) parses as one name only when the parser is told of it;
 * `special-names.ts` decides when that matters.
 */
import { parseExpression, parseUnaryTests } from 'feelin';

export type FeelTree = ReturnType<typeof parseExpression>;
export type FeelNode = FeelTree['topNode'];

export function parseFeelExpression(source: string): FeelTree {
  return parseExpression(source, {}, undefined);
}

export function parseFeelUnaryTests(source: string): FeelTree {
  return parseUnaryTests(source, {}, undefined);
}

export function childrenOf(node: FeelNode): FeelNode[] {
  const children: FeelNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) children.push(child);
  return children;
}

/** The first node the parser could not read, if any. */
export function firstErrorNode(node: FeelNode): FeelNode | undefined {
  if (node.type.isError) return node;
  for (const child of childrenOf(node)) {
    const error = firstErrorNode(child);
    if (error !== undefined) return error;
  }
  return undefined;
}

/** A syntax error as a sentence for a form author, or undefined when the source parses. */
export function describeSyntaxError(tree: FeelTree, source: string): string | undefined {
  if (source.trim() === '') return 'the expression is empty';
  const error = firstErrorNode(tree.topNode);
  if (error === undefined) return undefined;
  const at = `at column ${error.from + 1}`;
  return error.to > error.from ? `unexpected '${source.slice(error.from, error.to)}' ${at}` : `incomplete expression ${at}`;
}

export interface ReadNames {
  /** Names read as variables; names bound inside the expression (`for x in`) are included, which is harmless. */
  variables: string[];
  /** Names called as functions (`count(list)`): feelin looks them up in the data first, then among its built-ins. */
  callees: string[];
}

export function readNames(root: FeelNode, source: string): ReadNames {
  const variables = new Set<string>();
  const callees = new Set<string>();
  const nameOf = (node: FeelNode): string => childrenOf(node).map((part) => source.slice(part.from, part.to)).join(' ');
  const visit = (node: FeelNode): void => {
    if (node.name === 'FunctionInvocation' && node.firstChild?.name === 'VariableName') {
      callees.add(nameOf(node.firstChild));
      childrenOf(node).slice(1).forEach(visit);
      return;
    }
    if (node.name === 'VariableName') variables.add(nameOf(node));
    else childrenOf(node).forEach(visit);
  };
  visit(root);
  return { variables: [...variables], callees: [...callees] };
}

const SCOPE_NAMES = new Set(['this', '_this_', 'parent', '_parent_']);

/**
 * The data names an expression (or unary test) may read: its variables and the members it reads of `this` and
 * `parent`; undefined where that cannot be told (it does not parse, or it reads a scope as a whole).
 */
export function dataNamesRead(source: string, kind: 'expression' | 'unaryTest'): Set<string> | undefined {
  const tree = kind === 'expression' ? parseFeelExpression(source) : parseFeelUnaryTests(source);
  if (describeSyntaxError(tree, source) !== undefined) return undefined;
  const names = new Set<string>();
  let whole = false;
  const text = (node: FeelNode) => source.slice(node.from, node.to);
  const visit = (node: FeelNode): void => {
    if (node.name === 'PathExpression') {
      const [target, , member] = childrenOf(node);
      if (target?.name === 'VariableName' && SCOPE_NAMES.has(text(target)) && member !== undefined) {
        names.add(text(member));
        return;
      }
    }
    if (node.name === 'VariableName') {
      const name = childrenOf(node).map(text).join(' ');
      if (SCOPE_NAMES.has(name) || name === 'i' || name === '_i_') whole ||= SCOPE_NAMES.has(name);
      names.add(name);
    }
    childrenOf(node).forEach(visit);
  };
  visit(tree.topNode);
  return whole ? undefined : names;
}

/**
 * The expression with each `x != y` written as `(if (x) = (y) then false else true)`: form-js's FEEL
 * (@bpmn-io/feelin 6) answers `!=` with true wherever `=` is not true, null included; feelin 8 answers null where
 * `=` does. The same source where it holds no `!=`.
 */
export function withFormJsInequality(tree: FeelTree, source: string): string {
  if (!source.includes('!=')) return source;
  const emit = (node: FeelNode): string => {
    const children = childrenOf(node);
    if (node.name === 'Comparison' && children.length === 3 && children[1].name === 'CompareOp' && source.slice(children[1].from, children[1].to) === '!=') {
      return `(if (${emit(children[0])}) = (${emit(children[2])}) then false else true)`;
    }
    let text = '';
    let at = node.from;
    for (const child of children) {
      text += source.slice(at, child.from) + emit(child);
      at = child.to;
    }
    return text + source.slice(at, node.to);
  };
  return emit(tree.topNode);
}
