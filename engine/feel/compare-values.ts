/**
 * FEEL's comparisons on values already evaluated, as Camunda 8.3+ answers them: true, false, or null when the two
 * values cannot be compared (a number with a string, a date with a time). Plain data is compared here; dates, times
 * and durations are left to feelin, which knows their kinds.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { defineFeelinFunction, type FeelinFunction } from './feelin-function.js';

export type OrderOperator = '<' | '<=' | '>' | '>=';

const FEELIN_OPERATIONS = Object.fromEntries((['=', '<', '<=', '>', '>='] as const)
  .map((operator) => [operator, defineFeelinFunction(['a', 'b'], `a ${operator} b`)])) as Record<OrderOperator | '=', FeelinFunction>;

function feelinOperation(operator: OrderOperator | '=', a: unknown, b: unknown): boolean | null {
  try {
    const result = FEELIN_OPERATIONS[operator](a, b);
    return typeof result === 'boolean' ? result : null;
  } catch {
    // feelin throws for some values it cannot order (booleans); FEEL calls them not comparable
    return null;
  }
}

const isTemporal = (value: unknown): boolean =>
  value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDateTime || value instanceof FeelDuration;

const sameTemporalKind = (a: unknown, b: unknown): boolean =>
  isTemporal(a) && Object.getPrototypeOf(a) === Object.getPrototypeOf(b);

/** Decision tables compare dates often (rates valid from a date), and feelin takes microseconds for each comparison. */
const dateOrder = (a: FeelDate, b: FeelDate): number => a.year - b.year || a.month - b.month || a.day - b.day;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isTemporal(value);

/** `a = b`: null equals only null; lists and contexts are equal when all their items are. */
export function feelEquals(a: unknown, b: unknown): boolean | null {
  if (a === null || b === null) return a === b;
  if (typeof a !== 'object' && typeof b !== 'object') return typeof a === typeof b ? a === b : null;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => feelEquals(item, b[index]) === true);
  }
  if (a instanceof FeelDate && b instanceof FeelDate) return dateOrder(a, b) === 0;
  if (sameTemporalKind(a, b)) return feelinOperation('=', a, b);
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length
      && keys.every((key) => Object.hasOwn(b, key) && feelEquals(a[key], b[key]) === true);
  }
  return null;
}

/** `a < b` and its kin: numbers with numbers, strings with strings, a temporal value with one of its kind. */
export function feelCompare(operator: OrderOperator, a: unknown, b: unknown): boolean | null {
  if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) {
    return ordered(operator, a < b ? -1 : a > b ? 1 : 0);
  }
  if (a instanceof FeelDate && b instanceof FeelDate) return ordered(operator, dateOrder(a, b));
  return sameTemporalKind(a, b) ? feelinOperation(operator, a, b) : null;
}

function ordered(operator: OrderOperator, order: number): boolean {
  switch (operator) {
    case '<': return order < 0;
    case '<=': return order <= 0;
    case '>': return order > 0;
    case '>=': return order >= 0;
  }
}
