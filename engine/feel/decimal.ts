/**
 * Decimal arithmetic on JavaScript numbers, as Camunda's FEEL does it with BigDecimal. A number stands for its
 * shortest decimal form (what a JSON document or a FEEL literal wrote: 0.1 means one tenth, not the double nearest to
 * it); the operation is exact on those decimals, done with BigInt, and the result is the double nearest to the exact
 * decimal result. So 0.1 + 0.2 is 0.3 and 19.99 * 3 is 59.97, and comparing such results with literals works.
 */

/** units × 10^-scale */
interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL_FORM = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function toDecimal(n: number): Decimal | undefined {
  const match = DECIMAL_FORM.exec(String(n));
  if (match === null) return undefined;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  return { units: BigInt(sign + whole + fraction), scale: fraction.length - Number(exponent) };
}

/** Parsing the decimal text rounds correctly to the nearest double, which arithmetic on doubles would not. */
function toNumber({ units, scale }: Decimal): number {
  return Number(`${units}e${-scale}`);
}

function alignedUnits(a: Decimal, b: Decimal): { a: bigint; b: bigint; scale: number } {
  const scale = Math.max(a.scale, b.scale);
  return { a: a.units * 10n ** BigInt(scale - a.scale), b: b.units * 10n ** BigInt(scale - b.scale), scale };
}

/**
 * The two operands as decimals, or undefined when the double operation is already right: safe integers are exact
 * doubles and an operation on them rounds correctly; NaN and the infinities have no decimal form.
 */
function decimalOperands(a: number, b: number): [Decimal, Decimal] | undefined {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return undefined;
  const x = toDecimal(a);
  const y = toDecimal(b);
  return x === undefined || y === undefined ? undefined : [x, y];
}

export function decimalAdd(a: number, b: number): number {
  const operands = decimalOperands(a, b);
  if (operands === undefined) return a + b;
  const aligned = alignedUnits(...operands);
  return toNumber({ units: aligned.a + aligned.b, scale: aligned.scale });
}

export function decimalSubtract(a: number, b: number): number {
  return decimalAdd(a, -b);
}

export function decimalMultiply(a: number, b: number): number {
  const operands = decimalOperands(a, b);
  if (operands === undefined) return a * b;
  const [x, y] = operands;
  return toNumber({ units: x.units * y.units, scale: x.scale + y.scale });
}

/**
 * A quotient rarely has a finite decimal form (Camunda cuts it at 34 digits, a double holds about 16), so this divides
 * the two decimals brought to one scale: one correctly rounded division of exact integers, 0.3 / 0.1 = 3. null for a
 * zero divisor, as feelin answers.
 */
export function decimalDivide(a: number, b: number): number | null {
  if (b === 0) return null;
  const operands = decimalOperands(a, b);
  if (operands === undefined) return a / b;
  const aligned = alignedUnits(...operands);
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  const exact = (units: bigint) => units <= limit && units >= -limit;
  return exact(aligned.a) && exact(aligned.b) ? Number(aligned.a) / Number(aligned.b) : a / b;
}

/** Java's RoundingMode names, which Camunda's rounding functions follow; `up` and `down` are away from and toward zero. */
export type RoundingMode = 'up' | 'down' | 'floor' | 'ceiling' | 'half-up' | 'half-down' | 'half-even';

/** Rounds `n` to `scale` digits after the decimal point (a negative scale rounds to tens, hundreds, ...). */
export function roundDecimal(n: number, scale: number, mode: RoundingMode): number {
  const decimal = toDecimal(n);
  if (decimal === undefined || decimal.scale <= scale) return n;
  const divisor = 10n ** BigInt(decimal.scale - scale);
  const quotient = decimal.units / divisor;
  const remainder = decimal.units % divisor;
  return toNumber({ units: quotient + roundingStep(quotient, remainder, divisor, mode), scale });
}

/** What to add to the quotient truncated toward zero; the remainder carries the sign of the rounded number. */
function roundingStep(quotient: bigint, remainder: bigint, divisor: bigint, mode: RoundingMode): bigint {
  if (remainder === 0n) return 0n;
  const awayFromZero = remainder > 0n ? 1n : -1n;
  const twiceRemainder = 2n * (remainder > 0n ? remainder : -remainder);
  switch (mode) {
    case 'down': return 0n;
    case 'up': return awayFromZero;
    case 'floor': return remainder < 0n ? -1n : 0n;
    case 'ceiling': return remainder > 0n ? 1n : 0n;
    case 'half-up': return twiceRemainder >= divisor ? awayFromZero : 0n;
    case 'half-down': return twiceRemainder > divisor ? awayFromZero : 0n;
    case 'half-even':
      return twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n !== 0n) ? awayFromZero : 0n;
  }
}
