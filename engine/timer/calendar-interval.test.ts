import { addInterval, isLongerThanZero, type CalendarInterval } from './calendar-interval.js';

const HOUR = 3_600_000;
const months = (count: number): CalendarInterval => ({ months: count, days: 0, milliseconds: 0 });
const days = (count: number): CalendarInterval => ({ months: 0, days: count, milliseconds: 0 });
const at = (iso: string) => Date.parse(iso);

describe('adding an interval to an instant', () => {
  it('ends a month on the last day the target month has, as java.time Period does', () => {
    expect(addInterval(at('2026-01-31T10:00:00Z'), months(1))).toBe(at('2026-02-28T10:00:00Z'));
    expect(addInterval(at('2028-01-31T10:00:00Z'), months(1))).toBe(at('2028-02-29T10:00:00Z'));
    expect(addInterval(at('2026-03-31T10:00:00Z'), months(1))).toBe(at('2026-04-30T10:00:00Z'));
    expect(addInterval(at('2026-03-31T10:00:00Z'), months(-1))).toBe(at('2026-02-28T10:00:00Z'));
  });

  it('moves February 29 to February 28 in a year without it', () => {
    expect(addInterval(at('2028-02-29T00:00:00Z'), months(12))).toBe(at('2029-02-28T00:00:00Z'));
    expect(addInterval(at('2028-02-29T00:00:00Z'), months(48))).toBe(at('2032-02-29T00:00:00Z'));
  });

  it('adds the months before the days, then the exact time', () => {
    expect(addInterval(at('2026-01-31T10:00:00Z'), { months: 1, days: 1, milliseconds: 0 })).toBe(at('2026-03-01T10:00:00Z'));
    expect(addInterval(at('2026-12-31T23:00:00Z'), { months: 2, days: 0, milliseconds: 2 * HOUR }))
      .toBe(at('2027-03-01T01:00:00Z'));
  });

  it('crosses the year with days', () => {
    expect(addInterval(at('2026-12-31T12:00:00Z'), days(1))).toBe(at('2027-01-01T12:00:00Z'));
    expect(addInterval(at('2028-02-28T12:00:00Z'), days(1))).toBe(at('2028-02-29T12:00:00Z'));
  });

  it('keeps the Berlin wall clock for a day across the change to summer time, but not for 24 hours', () => {
    const tenInTheMorning = at('2026-03-28T09:00:00Z'); // 10:00 CET, the day before the change
    expect(addInterval(tenInTheMorning, days(1), 'Europe/Berlin')).toBe(at('2026-03-29T08:00:00Z')); // 10:00 CEST
    expect(addInterval(tenInTheMorning, { months: 0, days: 0, milliseconds: 24 * HOUR }, 'Europe/Berlin'))
      .toBe(at('2026-03-29T09:00:00Z')); // 11:00 CEST
    expect(addInterval(tenInTheMorning, { months: 0, days: 1, milliseconds: HOUR }, 'Europe/Berlin'))
      .toBe(at('2026-03-29T09:00:00Z'));
  });

  it('keeps the Berlin wall clock for a day or a month across the change back to winter time', () => {
    expect(addInterval(at('2026-10-24T08:00:00Z'), days(1), 'Europe/Berlin')).toBe(at('2026-10-25T09:00:00Z'));
    expect(addInterval(at('2026-10-01T08:00:00Z'), months(1), 'Europe/Berlin')).toBe(at('2026-11-01T09:00:00Z'));
  });

  it('moves a Berlin wall-clock time that the change to summer time skips forward by the gap', () => {
    // 02:30 CET on March 28; March 29 has no 02:30, so 03:30 CEST it is.
    expect(addInterval(at('2026-03-28T01:30:00Z'), days(1), 'Europe/Berlin')).toBe(at('2026-03-29T01:30:00Z'));
  });

  it('keeps the offset it started with when the wall-clock time happens twice', () => {
    // 02:30 on October 25 is 00:30Z in summer time and 01:30Z in winter time.
    expect(addInterval(at('2026-10-24T00:30:00Z'), days(1), 'Europe/Berlin')).toBe(at('2026-10-25T00:30:00Z'));
    expect(addInterval(at('2026-10-26T01:30:00Z'), days(-1), 'Europe/Berlin')).toBe(at('2026-10-25T01:30:00Z'));
  });

  it('adds days in a fixed-offset zone as 24 hours, since that zone has no summer time', () => {
    expect(addInterval(at('2026-03-28T09:00:00Z'), days(1), '+01:00')).toBe(at('2026-03-29T09:00:00Z'));
    // 23:30 at -05:00 on February 28 is March 1 in UTC: a month later is March 28 there, not April 1.
    expect(addInterval(at('2026-03-01T04:30:00Z'), months(1), '-05:00')).toBe(at('2026-03-29T04:30:00Z'));
    expect(addInterval(at('2026-03-01T04:30:00Z'), months(1))).toBe(at('2026-04-01T04:30:00Z'));
  });
});

describe('whether an interval is longer than zero', () => {
  it('holds for any positive part and fails for zero or negative intervals', () => {
    expect(isLongerThanZero({ months: 0, days: 0, milliseconds: 1 })).toBe(true);
    expect(isLongerThanZero(months(1))).toBe(true);
    expect(isLongerThanZero({ months: 0, days: 0, milliseconds: 0 })).toBe(false);
    expect(isLongerThanZero({ months: 0, days: -1, milliseconds: 0 })).toBe(false);
  });
});
