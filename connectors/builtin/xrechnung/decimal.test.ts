import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Decimal } from './decimal.js';

const d = (text: string) => Decimal.parse(text)!;

describe('Decimal', () => {
  it('reads the xs:decimal forms and refuses anything else', () => {
    expect(['336.9', '-12.50', '+3', '.5', '7.', '0'].map((text) => d(text).toString())).toEqual(['336.9', '-12.50', '3', '0.5', '7', '0']);
    expect(['', '.', '1e3', '1,5', '12.3.4', 'abc', '- 1'].map((text) => Decimal.parse(text))).toEqual(Array(7).fill(undefined));
  });

  it('adds what floating point cannot (0.1 + 0.2 = 0.3)', () => {
    expect(d('0.1').plus(d('0.2')).equals(d('0.3'))).toBe(true);
    expect(0.1 + 0.2 === 0.3).toBe(false);
  });

  it('sums random cent amounts to exactly the integer sum of the cents', () => {
    fc.assert(fc.property(fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { maxLength: 50 }), (cents) => {
      const sum = Decimal.sum(cents.map((value) => Decimal.of(value, 2)));
      expect(sum.toHundredths()).toBe(cents.reduce((a, b) => a + b, 0n));
    }));
  });

  it('rounds like XPath fn:round: halves towards positive infinity', () => {
    const cases: [string, number, string][] = [
      ['2.5', 0, '3'], ['-2.5', 0, '-2'], ['-2.6', 0, '-3'], ['2.4', 0, '2'],
      ['324.995', 2, '325.00'], ['-324.995', 2, '-324.99'], ['1446.375', 2, '1446.38'], ['7', 2, '7.00'],
    ];
    for (const [value, digits, rounded] of cases) expect(d(value).round(digits).toString()).toBe(rounded);
  });

  it('multiplies and moves the point exactly: 314.86 × 7 % = 22.0402', () => {
    expect(d('314.86').times(d('7')).shiftLeft(2).toString()).toBe('22.0402');
  });

  it('writes at least the asked number of fraction digits and strips trailing zeros on request', () => {
    expect(d('336.9').toString(2)).toBe('336.90');
    expect(d('-0.5').toString(2)).toBe('-0.50');
    expect(d('30.00000').stripTrailingZeros().toString()).toBe('30');
    expect(d('158.1250').significantFractionDigits()).toBe(3);
    expect(d('158.125').toHundredths()).toBeUndefined();
  });
});
