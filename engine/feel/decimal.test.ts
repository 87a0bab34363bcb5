import { decimalAdd, decimalDivide, decimalMultiply, decimalSubtract, roundDecimal } from './decimal.js';
import { valueOf } from './value-of.js';


describe('decimal arithmetic on numbers', () => {
  it('adds, subtracts and multiplies the decimals the numbers were written as', () => {
    expect(decimalAdd(0.1, 0.2)).toBe(0.3);
    expect(decimalSubtract(1.1, 1)).toBe(0.1);
    expect(decimalMultiply(19.99, 3)).toBe(59.97);
    expect(decimalMultiply(1.15, 100)).toBe(115);
    expect(decimalAdd(0.000001, 0.000002)).toBe(0.000003);
    expect(decimalAdd(1e21, 0.5)).toBe(1e21 + 0.5);
  });

  it('divides exactly where the quotient fits a double and answers null for a zero divisor', () => {
    expect(decimalDivide(0.3, 0.1)).toBe(3);
    expect(decimalDivide(0.69, 0.1)).toBe(6.9);
    expect(decimalDivide(1, 3)).toBe(1 / 3);
    expect(decimalDivide(1, 0)).toBeNull();
  });

  it('leaves the infinities and NaN to double arithmetic', () => {
    expect(decimalAdd(Infinity, 0.1)).toBe(Infinity);
    expect(decimalMultiply(NaN, 0.1)).toBeNaN();
  });

  it('rounds in each of Java\'s rounding modes', () => {
    expect(roundDecimal(1.005, 2, 'half-up')).toBe(1.01);
    expect(roundDecimal(-1.005, 2, 'half-up')).toBe(-1.01);
    expect(roundDecimal(1.005, 2, 'half-down')).toBe(1);
    expect(roundDecimal(2.5, 0, 'half-even')).toBe(2);
    expect(roundDecimal(3.5, 0, 'half-even')).toBe(4);
    expect(roundDecimal(1.001, 2, 'up')).toBe(1.01);
    expect(roundDecimal(-1.009, 2, 'down')).toBe(-1);
    expect(roundDecimal(-0.281, 2, 'floor')).toBe(-0.29);
    expect(roundDecimal(0.281, 2, 'ceiling')).toBe(0.29);
    expect(roundDecimal(1234.5, -2, 'half-up')).toBe(1200);
    expect(roundDecimal(0.29, 2, 'floor')).toBe(0.29);
  });
});

describe('decimals in FEEL', () => {
  it('makes 0.1 + 0.2 equal to 0.3', () => {
    expect(valueOf('0.1 + 0.2 = 0.3')).toBe(true);
    expect(valueOf('0.1 + 0.2')).toBe(0.3);
  });

  it('computes money exactly', () => {
    expect(valueOf('19.99 * 3')).toBe(59.97);
    expect(valueOf('price * quantity - discount', { price: 19.99, quantity: 3, discount: 0.97 })).toBe(59);
    expect(valueOf('sum(items.price)', { items: [{ price: 0.1 }, { price: 0.2 }, { price: 0.3 }] })).toBe(0.6);
    expect(valueOf('for fee in fees return fee * 1.19', { fees: [10.1, 20.2] })).toEqual([12.019, 24.038]);
  });

  it('rounds money exactly with the rounding functions', () => {
    expect(valueOf('round half up(1.005, 2)')).toBe(1.01);
    expect(valueOf('round half down(1.005, 2)')).toBe(1);
    expect(valueOf('round up(-1.001, 2)')).toBe(-1.01);
    expect(valueOf('round down(1.009, 2)')).toBe(1);
    expect(valueOf('decimal(0.125, 2)')).toBe(0.12);
    expect(valueOf('floor(0.29, 2)')).toBe(0.29);
    expect(valueOf('floor(-1.5)')).toBe(-2);
    expect(valueOf('ceiling(0.281, 2)')).toBe(0.29);
    expect(valueOf('round half up(value * 0.05, 2)', { value: 250.3 })).toBe(12.52);
    expect(valueOf('decimal(1234.5, -2)')).toBe(1200);
  });

  it('answers null for a scale beyond those Camunda allows', () => {
    expect(valueOf('decimal(1.5, -1000000000)')).toBeNull();
  });

  it('takes sum as a list or as arguments, and answers null for anything but numbers', () => {
    expect(valueOf('sum(0.1, 0.2)')).toBe(0.3);
    expect(valueOf('sum(list: [1.1, 2.2])')).toBe(3.3);
    expect(valueOf('sum([])')).toBeNull();
    expect(valueOf('sum([1, "2"])')).toBeNull();
  });

  it('leaves arithmetic on strings, dates, durations and null to feelin', () => {
    expect(valueOf('"Az. " + number', { number: '12/2025' })).toBe('Az. 12/2025');
    expect(valueOf('first + last', { first: 'Ada ', last: 'Lovelace' })).toBe('Ada Lovelace');
    expect(valueOf('date("2025-01-31") + duration("P1M")')).toBe('2025-02-28');
    expect(valueOf('date("2025-03-01") - date("2025-01-01")')).toBe('P59D');
    expect(valueOf('duration("P1D") * 2')).toBeNull();
    expect(valueOf('missing + 0.1')).toBeNull();
    expect(valueOf('"a" - 1')).toBeNull();
  });

  it('keeps a list index computed by arithmetic an index', () => {
    expect(valueOf('[10, 20, 30][1 + 1]')).toBe(20);
  });
});
