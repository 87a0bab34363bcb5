/**
 * Reading and writing form data along a binding path, with the semantics form-js gets from min-dash's `get` and
 * `set`: reading through null or a missing key yields undefined; writing creates the missing containers (an array
 * where the next segment is an index) and writing undefined deletes the key.
 */
import { isPlainObject, type JsonObject } from './json-value.js';

export type PathSegment = string | number;
export type ValuePath = readonly PathSegment[];

export function getPath(target: unknown, path: ValuePath): unknown {
  let current: unknown = target;
  for (const segment of path) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/** Reads only own properties of plain objects and arrays: a submission is never trusted to not name `__proto__`. */
export function getOwnPath(target: unknown, path: ValuePath): unknown {
  let current: unknown = target;
  for (const segment of path) {
    if (Array.isArray(current) ? typeof segment !== 'number' : !isPlainObject(current)) return undefined;
    if (!Object.hasOwn(current as object, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/**
 * min-dash `set` on containers this module created or cloned. Binding paths never hold `__proto__` or
 * `constructor` (the schema check refuses them), so assignment cannot reach a prototype.
 */
export function setPath(target: JsonObject | unknown[], path: ValuePath, value: unknown): void {
  let current = target as Record<PathSegment, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i];
    let next = current[segment];
    if (next === null || next === undefined) {
      next = current[segment] = typeof path[i + 1] === 'number' ? [] : {};
    }
    if (typeof next !== 'object') return;
    current = next as Record<PathSegment, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete current[last];
  else current[last] = value;
}

/** The path as a user reads it: `owner.email`, `dogs[1].breed`. */
export function formatPath(path: ValuePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** A JSON pointer (RFC 6901), the key under which shape errors and instances meet. */
export function pointerOf(path: ValuePath): string {
  let pointer = '';
  for (const segment of path) pointer += '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  return pointer;
}

/** What a binding path leads to in data: a value, nothing, or something in the way that is no object. */
export type Lookup =
  | { readonly kind: 'absent' }
  | { readonly kind: 'found'; readonly value: unknown }
  /** A value that is no object stands where the path goes on; `value` is that value. */
  | { readonly kind: 'blocked'; readonly value: unknown };

export const ABSENT: Lookup = { kind: 'absent' };

export function lookUp(target: unknown, path: ValuePath, ownOnly: boolean): Lookup {
  if (target === undefined) return ABSENT;
  let current: unknown = target;
  for (let i = 0; i < path.length; i++) {
    if (current === undefined) return ABSENT;
    if (!isPlainObject(current) && !(Array.isArray(current) && typeof path[i] === 'number')) return i === 0 ? ABSENT : { kind: 'blocked', value: current };
    const container = current as Record<PathSegment, unknown>;
    if (ownOnly && !Object.hasOwn(container, path[i])) return ABSENT;
    current = container[path[i]];
  }
  return current === undefined ? ABSENT : { kind: 'found', value: current };
}
