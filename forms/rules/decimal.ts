/**
 * Exact decimal numbers for form-js's number rules, which use big.js: parsing (`Big(value)`: a number through its
 * JavaScript text, a string by big.js's grammar, anything else through `String`), comparison, remainder, and
 * big.js's text form. Value = sign × mantissa × 10^-scale.
 */

export interface Decimal {
  readonly negative: boolean;
  readonly mantissa: bigint;
  readonly scale: number;
}

const NUMERIC = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
/** big.js switches to exponential notation at these exponents (`Big.NE`, `Big.PE`). */
const EXPONENTIAL_BELOW = -7;
const EXPONENTIAL_FROM = 21;
/** Far beyond any number a form holds; keeps `10n ** scale` cheap for absurd exponents. */
const MAX_EXPONENT = 10_000;

/** big.js's `Big(value)`, or undefined where big.js throws. */
export function toDecimal(value: unknown): Decimal | undefined {
  const text = typeof value === 'string' ? value : value === 0 && 1 / value < 0 ? '-0' : String(value);
  if (!NUMERIC.test(text)) return undefined;
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const [coefficient, exponentText = '0'] = unsigned.toLowerCase().split('e');
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) return undefined;
  const [whole, fraction = ''] = coefficient.split('.');
  return normalise({ negative, mantissa: BigInt((whole || '0') + fraction), scale: fraction.length - exponent });
}

function normalise(value: Decimal): Decimal {
  let { mantissa, scale } = value;
  if (mantissa === 0n) return { negative: false, mantissa, scale: 0 };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale -= 1;
  }
  return { negative: value.negative, mantissa, scale };
}

function signedAt(value: Decimal, scale: number): bigint {
  const scaled = value.mantissa * 10n ** BigInt(scale - value.scale);
  return value.negative ? -scaled : scaled;
}

function fromSigned(signed: bigint, scale: number): Decimal {
  return normalise({ negative: signed < 0n, mantissa: signed < 0n ? -signed : signed, scale });
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const difference = signedAt(a, scale) - signedAt(b, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return fromSigned(signedAt(a, scale) - signedAt(b, scale), scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return fromSigned(signedAt(a, scale) + signedAt(b, scale), scale);
}

/** big.js `mod`: the remainder of division truncated towards zero, with the sign of `a`; undefined for b = 0. */
export function remainder(a: Decimal, b: Decimal): Decimal | undefined {
  if (b.mantissa === 0n) return undefined;
  const scale = Math.max(a.scale, b.scale);
  const x = signedAt(a, scale);
  const y = signedAt(b, scale);
  return fromSigned(x - (x / y) * y, scale);
}

export function isZero(value: Decimal): boolean {
  return value.mantissa === 0n;
}

/** The position of the first digit: big.js's exponent `e` (1.5 → 0, 150 → 2, 0.015 → -2). */
function exponentOf(value: Decimal): number {
  return value.mantissa.toString().length - 1 - value.scale;
}

/** big.js `toString()`. */
export function decimalToString(value: Decimal): string {
  const exponent = exponentOf(value);
  if (value.mantissa !== 0n && (exponent <= EXPONENTIAL_BELOW || exponent >= EXPONENTIAL_FROM)) {
    const digits = value.mantissa.toString();
    const text = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '') + (exponent < 0 ? 'e' : 'e+') + exponent;
    return value.negative ? '-' + text : text;
  }
  return plainText(value);
}

/** big.js `toFixed()` without arguments: plain notation, every digit. */
export function plainText(value: Decimal): string {
  const digits = value.mantissa.toString();
  let text: string;
  if (value.scale <= 0) text = digits + '0'.repeat(-value.scale);
  else if (value.scale >= digits.length) text = '0.' + '0'.repeat(value.scale - digits.length) + digits;
  else text = digits.slice(0, digits.length - value.scale) + '.' + digits.slice(digits.length - value.scale);
  return value.negative && value.mantissa !== 0n ? '-' + text : text;
}

/**
 * form-js's `countDecimals`; undefined where form-js crashes (an integer of 21 digits or more, written
 * exponentially by big.js, has no decimal point in its plain text).
 */
export function countDecimals(value: Decimal): number | undefined {
  if (value.scale > 0) return value.scale;
  return exponentOf(value) >= EXPONENTIAL_FROM ? undefined : 0;
}
