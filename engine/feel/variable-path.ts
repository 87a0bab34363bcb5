/**
 * The fast path for the most common expression, a variable or a path into one (`owner.email`): read it without
 * feelin. Reads as feelin does (a path over a list maps over its items, anything absent is null), with one
 * difference: keys are matched exactly, as in Zeebe, where feelin would also match a key written with extra spaces.
 */
import { children, type FeelNode } from './syntax.js';
import { nameOf } from './variable-names.js';

/** What the fast path leaves to feelin: values that are neither JSON nor absent (a list in a list, a date). */
export const NOT_PLAIN_DATA = Symbol('not plain data');

/** The names along the path, or undefined when the expression is something else. */
export function variablePath(root: FeelNode, source: string): string[] | undefined {
  const expressions = children(root).filter((child) => !child.type.isSkipped);
  return expressions.length === 1 ? pathNames(expressions[0], source) : undefined;
}

function pathNames(node: FeelNode, source: string): string[] | undefined {
  if (node.name === 'VariableName') return [nameOf(node, source)];
  if (node.name !== 'PathExpression') return undefined;
  const [target, , property] = children(node);
  const targetNames = target === undefined ? undefined : pathNames(target, source);
  if (targetNames === undefined || property?.name !== 'PathName') return undefined;
  return [...targetNames, nameOf(property, source)];
}

export function readVariablePath(variables: Record<string, unknown>, path: string[]): unknown {
  const [variable, ...properties] = path;
  let value: unknown = Object.hasOwn(variables, variable) ? variables[variable] ?? null : null;
  for (const property of properties) {
    value = Array.isArray(value) ? readEach(value, property) : readProperty(value, property);
    if (value === NOT_PLAIN_DATA) return NOT_PLAIN_DATA;
  }
  return value;
}

function readEach(list: unknown[], property: string): unknown[] | typeof NOT_PLAIN_DATA {
  const values = list.map((item) => readProperty(item, property));
  return values.includes(NOT_PLAIN_DATA) ? NOT_PLAIN_DATA : values;
}

function readProperty(target: unknown, property: string): unknown {
  if (target === null || typeof target !== 'object') return null;
  if (Object.getPrototypeOf(target) !== Object.prototype) return NOT_PLAIN_DATA;
  return Object.hasOwn(target, property) ? (target as Record<string, unknown>)[property] ?? null : null;
}
