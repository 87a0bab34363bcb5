/**
 * Exact decimal numbers for invoice amounts, quantities and rates: a bigint of units and a count of fraction
 * digits. Sums of money must never go through binary floating point (0.1 + 0.2).
 */
const DECIMAL_LEXICAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

export class Decimal {
  static readonly ZERO = new Decimal(0n, 0);

  private constructor(
    /** The value times 10^scale. */
    readonly units: bigint,
    /** Digits after the decimal point. */
    readonly scale: number,
  ) {}

  /** Parses the xs:decimal lexical form (`-12.50`, `+3`, `.5`); no exponent, no grouping. Undefined if it is none. */
  static parse(text: string): Decimal | undefined {
    const match = DECIMAL_LEXICAL.exec(text.trim());
    if (!match) return undefined;
    const [, sign, whole, fraction = ''] = match;
    if (whole === '' && fraction === '') return undefined;
    const magnitude = BigInt((whole || '0') + fraction);
    return new Decimal(sign === '-' ? -magnitude : magnitude, fraction.length);
  }

  static of(units: bigint | number, scale = 0): Decimal {
    return new Decimal(BigInt(units), scale);
  }

  static sum(values: readonly Decimal[]): Decimal {
    return values.reduce((total, value) => total.plus(value), Decimal.ZERO);
  }

  plus(other: Decimal): Decimal {
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.unitsAt(scale) + other.unitsAt(scale), scale);
  }

  minus(other: Decimal): Decimal {
    return this.plus(other.negate());
  }

  times(other: Decimal): Decimal {
    return new Decimal(this.units * other.units, this.scale + other.scale);
  }

  /** Divides by 10^digits exactly (moves the decimal point left), e.g. a percentage into a factor. */
  shiftLeft(digits: number): Decimal {
    return new Decimal(this.units, this.scale + digits);
  }

  negate(): Decimal {
    return new Decimal(-this.units, this.scale);
  }

  abs(): Decimal {
    return this.units < 0n ? this.negate() : this;
  }

  compare(other: Decimal): -1 | 0 | 1 {
    const scale = Math.max(this.scale, other.scale);
    const difference = this.unitsAt(scale) - other.unitsAt(scale);
    return difference === 0n ? 0 : difference < 0n ? -1 : 1;
  }

  equals(other: Decimal): boolean {
    return this.compare(other) === 0;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  /**
   * Rounds to `digits` fraction digits the way XPath's fn:round does (half towards positive infinity), which is
   * what the EN 16931 Schematron uses in its calculation rules (`round(x * 10 * 10) div 100`).
   */
  round(digits: number): Decimal {
    if (this.scale <= digits) return new Decimal(this.unitsAt(digits), digits);
    const divisor = 10n ** BigInt(this.scale - digits);
    let quotient = this.units / divisor;
    if (this.units % divisor !== 0n && this.units < 0n) quotient -= 1n; // floor, not truncation
    const remainder = this.units - quotient * divisor;
    if (2n * remainder >= divisor) quotient += 1n;
    return new Decimal(quotient, digits);
  }

  /** The same value without trailing zeros after the point (`30.000` → `30`, `7.50` → `7.5`). */
  stripTrailingZeros(): Decimal {
    let units = this.units;
    let scale = this.scale;
    while (scale > 0 && units % 10n === 0n) {
      units /= 10n;
      scale -= 1;
    }
    return new Decimal(units, scale);
  }

  /** The number of fraction digits that carry a value (`1.50` has 1). */
  significantFractionDigits(): number {
    return this.stripTrailingZeros().scale;
  }

  /** The plain decimal text with at least `minimumFractionDigits` digits after the point (`336.9` → `336.90`). */
  toString(minimumFractionDigits = 0): string {
    const scale = Math.max(this.scale, minimumFractionDigits);
    const units = this.unitsAt(scale);
    const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
    const sign = units < 0n ? '-' : '';
    if (scale === 0) return sign + digits;
    return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }

  /** The value in hundredths (cents), if it has no more than two significant fraction digits. */
  toHundredths(): bigint | undefined {
    if (this.significantFractionDigits() > 2) return undefined;
    return this.round(2).units;
  }

  private unitsAt(scale: number): bigint {
    return this.units * 10n ** BigInt(scale - this.scale);
  }
}
