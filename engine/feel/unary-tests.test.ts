import { describe, expect, it } from '@jest/globals';
import { compileFeel, compileUnaryTests } from './index.js';

function satisfies(tests: string, input: unknown, variables: Record<string, unknown> = {}): boolean {
  const compiled = compileUnaryTests(tests);
  if (!compiled.ok) throw new Error(compiled.failure.message);
  const result = compiled.value.test(input, variables);
  if (!result.ok) throw new Error(result.failure.message);
  return result.value;
}

/** A value as FEEL has it, such as a decision table's input expression gives it to the input entries. */
function feelValue(expression: string): unknown {
  const compiled = compileFeel(expression);
  if (!compiled.ok) throw new Error(compiled.failure.message);
  const value = compiled.value.evaluateFeelValue({});
  if (!value.ok) throw new Error(value.failure.message);
  return value.value;
}

describe('unary tests', () => {
  it('lets an empty entry and a dash match anything, null included', () => {
    for (const tests of ['', '  ', '-']) {
      expect([satisfies(tests, 'Dackel'), satisfies(tests, 3), satisfies(tests, null)]).toEqual([true, true, true]);
    }
  });

  it('compares with a value and with a list of values', () => {
    expect(satisfies('"Rottweiler"', 'Rottweiler')).toBe(true);
    expect(satisfies('"Rottweiler"', 'Dackel')).toBe(false);
    expect(satisfies('"Alano","Bullmastiff", "Rottweiler"', 'Rottweiler')).toBe(true);
    expect(satisfies('"Alano","Bullmastiff"', 'Beagle')).toBe(false);
    expect(satisfies('2, 3', 3)).toBe(true);
  });

  it('compares with < <= > >= and with intervals, open and closed', () => {
    expect([satisfies('>= 40', 40), satisfies('>= 40', 39.9), satisfies('< 20', 19.9), satisfies('<= -5', -5)]).toEqual([true, false, true, true]);
    expect([satisfies('[1..10]', 1), satisfies('[1..10]', 10), satisfies('[1..10]', 11)]).toEqual([true, true, false]);
    expect([satisfies('(1..10)', 1), satisfies('(1..10)', 5), satisfies(']1..10[', 10)]).toEqual([false, true, false]);
    expect([satisfies('[1..10)', 10), satisfies('(1..10]', 10)]).toEqual([false, true]);
  });

  it('negates a list of tests with not(...)', () => {
    expect(satisfies('not("Fall", "Winter")', 'Summer')).toBe(true);
    expect(satisfies('not("Fall", "Winter")', 'Winter')).toBe(false);
    expect(satisfies('not(< 3, > 7)', 5)).toBe(true);
    expect(satisfies('not(< 3, > 7)', 8)).toBe(false);
  });

  it('treats null as FEEL does: equal only to null, not comparable by order', () => {
    expect(satisfies('null', null)).toBe(true);
    expect(satisfies('null', 0)).toBe(false);
    expect(satisfies('not(null)', 'x')).toBe(true);
    expect(satisfies('not(null)', null)).toBe(false);
    expect(satisfies('not("x")', null)).toBe(true);
    expect(satisfies('< 3', null)).toBe(false);
    // null < 3 is not comparable, and not(...) of that is still unknown, so the entry is not satisfied
    expect(satisfies('not(< 3)', null)).toBe(false);
  });

  it('does not match values of another type, not even negated', () => {
    expect(satisfies('< 10', '5')).toBe(false);
    expect(satisfies('not(< 10)', '5')).toBe(false);
    expect(satisfies('5', '5')).toBe(false);
    expect(satisfies('not(5)', '5')).toBe(false);
  });

  it('compares a boolean entry with the input, not as a test of its own', () => {
    expect([satisfies('true', true), satisfies('true', false), satisfies('false', false), satisfies('false', true)])
      .toEqual([true, false, true, false]);
  });

  it('binds ? to the input in expressions', () => {
    expect(satisfies('? > 5', 6)).toBe(true);
    expect(satisfies('? > 5', 5)).toBe(false);
    expect(satisfies('starts with(?, "Kreuzung mit")', 'Kreuzung mit Pitbull Terrier')).toBe(true);
    expect(satisfies('string length(?) > 3, ? = "AB"', 'AB')).toBe(true);
    expect(satisfies('?.height >= 40', { height: 57 })).toBe(true);
  });

  it('tests an expression by its value: true, a list holding the input, or the input itself', () => {
    expect(satisfies('breeds', 'Alano', { breeds: ['Alano', 'Mastiff'] })).toBe(true);
    expect(satisfies('breeds', 'Beagle', { breeds: ['Alano', 'Mastiff'] })).toBe(false);
    expect(satisfies('expected', 'KEINE', { expected: 'KEINE' })).toBe(true);
    expect(satisfies('flag', 'anything', { flag: true })).toBe(true);
    expect(satisfies('flag', false, { flag: false })).toBe(true);
    expect(satisfies('flag', 3, { flag: false })).toBe(false);
  });

  it('reads variables in comparisons and intervals at every test', () => {
    expect(satisfies('< limit', 5, { limit: 10 })).toBe(true);
    expect(satisfies('< limit', 5, { limit: 3 })).toBe(false);
    expect(satisfies('[low..low + 10]', 15, { low: 10 })).toBe(true);
    expect(satisfies('< limit', 5)).toBe(false);
  });

  it('compares dates, date-times and durations by their kind', () => {
    const acquired = feelValue('date("2024-05-15")');
    expect(satisfies('>= date("2023-07-01")', acquired)).toBe(true);
    expect(satisfies('< date("2023-07-01")', acquired)).toBe(false);
    expect(satisfies('[date("2024-01-01")..date("2024-12-31")]', acquired)).toBe(true);
    expect(satisfies('date("2024-05-15")', acquired)).toBe(true);
    expect(satisfies('<= duration("P1D")', feelValue('duration("PT12H")'))).toBe(true);
    // the text of a date is a string, not a date
    expect(satisfies('>= date("2023-07-01")', '2024-05-15')).toBe(false);
  });

  it('compares numbers computed with decimal arithmetic exactly', () => {
    expect(satisfies('0.3', feelValue('0.1 + 0.2'))).toBe(true);
    expect(satisfies('<= 0.3', feelValue('0.1 + 0.2'))).toBe(true);
  });

  it('fails when an expression in the tests fails', () => {
    const compiled = compileUnaryTests('assert(?, ? > 0, "negative input")');
    expect(compiled.ok && compiled.value.test(-1, {})).toEqual({ ok: false, failure: { message: 'Assertion failure: negative input' } });
  });

  it('rejects tests that do not parse, naming the problem', () => {
    expect(compileUnaryTests('>=')).toEqual({ ok: false, failure: { message: expect.stringMatching(/ends too early/) } });
    expect(compileUnaryTests('[1..')).toMatchObject({ ok: false });
    expect(compileUnaryTests('"a" "b"')).toMatchObject({ ok: false });
  });

  it('compiles each source once', () => {
    expect(compileUnaryTests('"Rottweiler", "Alano"')).toBe(compileUnaryTests('"Rottweiler", "Alano"'));
  });
});
