/**
 * feelin's `sum` and rounding functions compute on doubles: sum([0.1, 0.2]) gives 0.30000000000000004 and
 * round half up(1.005, 2) gives 1 (1.005 * 100 is 100.49999999999999). Money needs them exact, so these replace
 * feelin's with the same names and parameters, computed by decimal.ts.
 */
import { decimalAdd, roundDecimal, type RoundingMode } from './decimal.js';
import { feelCallable, type FeelCallable } from './feel-callable.js';

const isNumber = (value: unknown): value is number => typeof value === 'number';
/** Camunda's scales (Java's BigDecimal with MathContext.DECIMAL128); also keeps 10^scale from growing without bound. */
const isScale = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= -6111 && value <= 6176;

function rounding(mode: RoundingMode, defaultScale?: number): FeelCallable {
  return feelCallable(['n', 'scale'], (n: unknown, scale: unknown = defaultScale) =>
    isNumber(n) && isScale(scale) ? roundDecimal(n, scale, mode) : null);
}

/** Like feelin's, `sum` takes a list or the numbers as arguments, and answers null for an empty list. */
const sum = feelCallable(['...list'], (...items: unknown[]) => {
  const numbers = items.length === 1 && Array.isArray(items[0]) ? items[0] : items;
  if (numbers.length === 0 || !numbers.every(isNumber)) return null;
  return numbers.reduce(decimalAdd);
});

export const DECIMAL_BUILTINS: Record<string, FeelCallable> = {
  'sum': sum,
  'decimal': rounding('half-even'),
  'floor': rounding('floor', 0),
  'ceiling': rounding('ceiling', 0),
  'round up': rounding('up'),
  'round down': rounding('down'),
  'round half up': rounding('half-up'),
  'round half down': rounding('half-down'),
};
