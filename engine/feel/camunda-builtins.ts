/**
 * Camunda's extensions to FEEL's built-in functions that feelin lacks. Like every FEEL function they answer null
 * for arguments they cannot use, except `assert`, whose purpose is to fail the evaluation.
 */
import { randomUUID } from 'node:crypto';
import { date, FeelDate, FeelDateTime } from 'feelin';
import { feelEquals } from './compare-values.js';
import { feelCallable, type FeelCallable } from './feel-callable.js';
import { toJsonValue } from './json-value.js';

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

export const CAMUNDA_BUILTINS: Record<string, FeelCallable> = {
  'get or else': feelCallable(['value', 'default'], (value: unknown, fallback: unknown) => value ?? fallback ?? null),

  // Camunda 8.4 made this a null check (Camunda 8.2 answered true for a variable holding null). Since a missing
  // variable reads as null, this is also what answers "was it set?": a variable set to null counts as not defined.
  'is defined': feelCallable(['value'], (value: unknown) => value !== null && value !== undefined),

  'assert': feelCallable(['value', 'condition', 'cause'], (value: unknown, condition: unknown, cause: unknown) => {
    if (condition === true) return value;
    // The evaluation turns what it throws into a failure, which the engine raises as an incident.
    throw new Error(`Assertion failure: ${isString(cause) ? cause : 'The condition is not fulfilled'}`);
  }),

  'is empty': feelCallable(['list'], (list: unknown) => (Array.isArray(list) ? list.length === 0 : null)),

  'is blank': feelCallable(['string'], (string: unknown) => (isString(string) ? string.trim() === '' : null)),

  'trim': feelCallable(['string'], (string: unknown) => (isString(string) ? string.trim() : null)),

  'uuid': feelCallable([], () => randomUUID()),

  'random number': feelCallable([], () => Math.random()),

  'extract': feelCallable(['string', 'pattern'], (string: unknown, pattern: unknown) => {
    if (!isString(string) || !isString(pattern)) return null;
    const regexp = globalRegExp(pattern);
    return regexp === undefined ? null : Array.from(string.matchAll(regexp), (match) => match[0]);
  }),

  'to json': feelCallable(['value'], (value: unknown) => JSON.stringify(toJsonValue(value))),

  'from json': feelCallable(['value'], (value: unknown) => (isString(value) ? parseJson(value) : null)),

  'partition': feelCallable(['list', 'size'], (list: unknown, size: unknown) => {
    if (!Array.isArray(list) || !isCount(size)) return null;
    const parts: unknown[][] = [];
    for (let start = 0; start < list.length; start += size) parts.push(list.slice(start, start + size));
    return parts;
  }),

  'duplicate values': feelCallable(['list'], (list: unknown) => (Array.isArray(list) ? duplicateValues(list) : null)),

  'last day of month': feelCallable(['date'], (value: unknown) => {
    if (!(value instanceof FeelDate || value instanceof FeelDateTime)) return null;
    return date(`${String(value.year).padStart(4, '0')}-${pad(value.month)}-${pad(daysInMonth(value.year, value.month))}`);
  }),
};

const pad = (n: number): string => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  const lastDay = new Date(0);
  // Day 0 of the next month; setUTCFullYear, unlike Date.UTC, does not read the years 0 to 99 as 1900 to 1999.
  lastDay.setUTCFullYear(year, month, 0);
  return lastDay.getUTCDate();
}

function globalRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'g');
  } catch {
    return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Each value that occurs more than once, in the order of its first occurrence; equal as FEEL's `=` says. */
function duplicateValues(list: unknown[]): unknown[] {
  const same = (a: unknown, b: unknown) => feelEquals(a, b) === true;
  const duplicates: unknown[] = [];
  list.forEach((value, index) => {
    const repeated = list.some((other, otherIndex) => otherIndex !== index && same(value, other));
    if (repeated && !duplicates.some((known) => same(known, value))) duplicates.push(value);
  });
  return duplicates;
}
