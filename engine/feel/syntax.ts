/** Parsing FEEL as Zeebe reads it (Camunda dialect), with syntax errors as failures that name the problem and where. */
import { parseExpression, parseUnaryTests } from 'feelin';
import { fail, ok, type Result } from '../result.js';
import { BUILTINS } from './builtins.js';

export type FeelTree = ReturnType<typeof parseExpression>;
export type FeelNode = FeelTree['topNode'];

export function parseFeel(source: string): Result<FeelTree> {
  if (source.trim() === '') return fail('the expression is empty');
  // The parser reads a name holding a keyword (`get or else`) only when told it exists, so it is told the builtins.
  // Variables are not told: like Zeebe, a name such as `first-name` needs backticks, else it is a subtraction.
  return withoutErrors(parseExpression(source, BUILTINS, 'camunda'), source);
}

/** The input entries of a decision table (`< 10`, `"a", "b"`, `not(null)`); an empty source is not for this parser. */
export function parseFeelUnaryTests(source: string): Result<FeelTree> {
  return withoutErrors(parseUnaryTests(source, BUILTINS, 'camunda'), source);
}

function withoutErrors(tree: FeelTree, source: string): Result<FeelTree> {
  const error = firstError(tree.topNode);
  return error === undefined ? ok(tree) : fail(describeSyntaxError(error, source));
}

export function children(node: FeelNode): FeelNode[] {
  const result: FeelNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) result.push(child);
  return result;
}

function firstError(node: FeelNode): FeelNode | undefined {
  if (node.type.isError) return node;
  for (const child of children(node)) {
    const error = firstError(child);
    if (error !== undefined) return error;
  }
  return undefined;
}

/** An error node covers the text it could not read, or is empty where something is missing. */
function describeSyntaxError(error: FeelNode, source: string): string {
  const inside = error.parent === null ? '' : ` in ${spokenName(error.parent.name)}`;
  if (error.to > error.from) return `unexpected '${source.slice(error.from, error.to)}'${inside} at ${position(source, error.from)}`;
  const next = nextNode(error);
  if (next !== undefined) return `unexpected '${source.slice(next.from, next.to)}'${inside} at ${position(source, next.from)}`;
  return `the expression ends too early${inside} at ${position(source, error.from)}`;
}

/** The first text after `node`; empty nodes are placeholders the parser made up for what is missing. */
function nextNode(node: FeelNode): FeelNode | undefined {
  for (let current: FeelNode | null = node; current !== null; current = current.parent) {
    for (let next = current.nextSibling; next !== null; next = next.nextSibling) {
      if (next.to > next.from) return next;
    }
  }
  return undefined;
}

/** `FunctionInvocation` → `function invocation` */
function spokenName(nodeName: string): string {
  return nodeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function position(source: string, offset: number): string {
  const lines = source.slice(0, offset).split('\n');
  return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
}
