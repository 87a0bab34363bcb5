import { describe, expect, it } from '@jest/globals';
import { addToDate, berlinDate, parseRetentionPeriod, retainUntil, RetentionRuleError } from './retention.js';

describe('retention', () => {
  it('starts the usual periods with the end of the calendar year of filing', () => {
    expect(retainUntil(new Date('2024-03-15T10:00:00Z'), { period: 'P10Y', startsAt: 'endOfYear' })).toBe('2034-12-31');
    expect(retainUntil(new Date('2024-03-15T10:00:00Z'), { period: 'P6M', startsAt: 'endOfYear' })).toBe('2025-06-30');
  });

  it('can start on the day of filing (Fundsachen: six months and three years)', () => {
    expect(retainUntil(new Date('2024-08-31T10:00:00Z'), { period: 'P3Y6M', startsAt: 'filing' })).toBe('2028-02-29');
    expect(retainUntil(new Date('2024-01-31T10:00:00Z'), { period: 'P1M', startsAt: 'filing' })).toBe('2024-02-29');
    expect(retainUntil(new Date('2024-12-30T10:00:00Z'), { period: 'P2D', startsAt: 'filing' })).toBe('2025-01-01');
  });

  it('counts the date in Germany: 23:30 UTC on New Year\'s Eve is already the next year', () => {
    expect(berlinDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(retainUntil(new Date('2024-12-31T23:30:00Z'), { period: 'P10Y', startsAt: 'endOfYear' })).toBe('2035-12-31');
  });

  it('adds months keeping the last day of shorter months', () => {
    expect(addToDate('2023-05-31', 0, 1, 0)).toBe('2023-06-30');
    expect(addToDate('2023-12-31', 1, 2, 0)).toBe('2025-02-28');
  });

  it('refuses what is no period of years, months and days', () => {
    for (const period of ['P', '10Y', 'P1W', 'PT5H', 'P-1Y', 'P1.5Y']) expect(() => parseRetentionPeriod(period)).toThrow(RetentionRuleError);
  });
});
