import { nextCronTime } from './next-cron-time.js';
import { parseCronExpression } from './parse-cron-expression.js';

/** The first `count` firings after `after`, as ISO text. */
function firings(expression: string, after: string, count = 1): string[] {
  const cron = parseCronExpression(expression);
  if (!cron.ok) throw new Error(cron.failure.message);
  const times: string[] = [];
  let previous = Date.parse(after);
  while (times.length < count) {
    const next = nextCronTime(cron.value, previous);
    if (next === undefined) throw new Error(`${expression} never fires`);
    times.push(new Date(next).toISOString());
    previous = next;
  }
  return times;
}

describe('when a cron expression fires next, in UTC', () => {
  it('fires on the hour from nine to five on weekdays, from Friday evening on Monday morning', () => {
    expect(firings('0 0 9-17 * * MON-FRI', '2026-01-30T17:30:00Z', 3)).toEqual([
      '2026-02-02T09:00:00.000Z',
      '2026-02-02T10:00:00.000Z',
      '2026-02-02T11:00:00.000Z',
    ]);
    expect(firings('0 0 9-17 * * MON-FRI', '2026-01-30T16:59:59Z', 2)).toEqual([
      '2026-01-30T17:00:00.000Z',
      '2026-02-02T09:00:00.000Z',
    ]);
  });

  it('fires strictly after the given instant, at a whole second', () => {
    expect(firings('0 */5 * * * *', '2026-01-31T10:03:12Z')).toEqual(['2026-01-31T10:05:00.000Z']);
    expect(firings('0 */5 * * * *', '2026-01-31T10:05:00Z')).toEqual(['2026-01-31T10:10:00.000Z']);
    expect(firings('* * * * * *', '2026-01-31T10:05:00.500Z', 2)).toEqual([
      '2026-01-31T10:05:01.000Z',
      '2026-01-31T10:05:02.000Z',
    ]);
  });

  it('rolls over the hour, the day, the month and the year', () => {
    expect(firings('30 59 23 * * *', '2026-12-31T23:59:30Z')).toEqual(['2027-01-01T23:59:30.000Z']);
    expect(firings('0 0 0 1 1 *', '2026-12-31T23:59:59Z', 2)).toEqual(['2027-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z']);
    expect(firings('0 15 * * * *', '2026-02-28T23:20:00Z')).toEqual(['2026-03-01T00:15:00.000Z']);
    expect(firings('0 0 12 31 * *', '2026-01-31T12:00:00Z', 3)).toEqual([
      '2026-03-31T12:00:00.000Z',
      '2026-05-31T12:00:00.000Z',
      '2026-07-31T12:00:00.000Z',
    ]);
  });

  it('waits for a leap year for February 29', () => {
    expect(firings('0 0 0 29 2 ?', '2026-01-01T00:00:00Z', 2)).toEqual(['2028-02-29T00:00:00.000Z', '2032-02-29T00:00:00.000Z']);
  });

  it('needs a day to match both day fields, as Spring does: Friday the 13th', () => {
    expect(firings('0 0 12 13 * FRI', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-02-13T12:00:00.000Z',
      '2026-03-13T12:00:00.000Z',
      '2026-11-13T12:00:00.000Z',
    ]);
    expect(firings('0 0 0 29 2 MON', '2026-01-01T00:00:00Z')).toEqual(['2044-02-29T00:00:00.000Z']);
  });

  it('takes lists, ranges, steps and a stepped start value', () => {
    expect(firings('0 0,30 8 * * *', '2026-01-31T08:00:00Z', 2)).toEqual(['2026-01-31T08:30:00.000Z', '2026-02-01T08:00:00.000Z']);
    expect(firings('0 0 8-18/4 * * *', '2026-01-31T00:00:00Z', 4)).toEqual([
      '2026-01-31T08:00:00.000Z',
      '2026-01-31T12:00:00.000Z',
      '2026-01-31T16:00:00.000Z',
      '2026-02-01T08:00:00.000Z',
    ]);
    expect(firings('0 10/20 * * * *', '2026-01-31T10:00:00Z', 3)).toEqual([
      '2026-01-31T10:10:00.000Z',
      '2026-01-31T10:30:00.000Z',
      '2026-01-31T10:50:00.000Z',
    ]);
  });

  it('takes month and day names in either case', () => {
    expect(firings('0 0 0 1 jan,Jul ?', '2026-02-01T00:00:00Z', 2)).toEqual(['2026-07-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(firings('0 0 9 ? * sat-sun', '2026-01-29T00:00:00Z', 2)).toEqual(['2026-01-31T09:00:00.000Z', '2026-02-01T09:00:00.000Z']);
  });

  it('counts Sunday as 0 or 7, and steps the day of week from Monday as Spring does', () => {
    expect(firings('0 0 0 ? * 0', '2026-01-28T00:00:00Z')).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(firings('0 0 0 ? * 7', '2026-01-28T00:00:00Z')).toEqual(['2026-02-01T00:00:00.000Z']);
    // */2 is Monday, Wednesday, Friday, Sunday.
    expect(firings('0 0 0 ? * */2', '2026-01-25T12:00:00Z', 4)).toEqual([
      '2026-01-26T00:00:00.000Z',
      '2026-01-28T00:00:00.000Z',
      '2026-01-30T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ]);
  });

  it('fires on the last day of the month, and days before it', () => {
    expect(firings('0 0 0 L * *', '2026-01-31T00:00:00Z', 3)).toEqual([
      '2026-02-28T00:00:00.000Z',
      '2026-03-31T00:00:00.000Z',
      '2026-04-30T00:00:00.000Z',
    ]);
    expect(firings('0 0 0 L-2 * *', '2026-02-01T00:00:00Z', 2)).toEqual(['2026-02-26T00:00:00.000Z', '2026-03-29T00:00:00.000Z']);
  });

  it('fires on the last weekday of the month', () => {
    // January 31 and February 28, 2026 are Saturdays; May 31 is a Sunday.
    expect(firings('0 0 0 LW * *', '2026-01-01T00:00:00Z', 5)).toEqual([
      '2026-01-30T00:00:00.000Z',
      '2026-02-27T00:00:00.000Z',
      '2026-03-31T00:00:00.000Z',
      '2026-04-30T00:00:00.000Z',
      '2026-05-29T00:00:00.000Z',
    ]);
  });

  it('fires on the weekday nearest a day, without leaving the month', () => {
    // August 15, 2026 is a Saturday: the Friday before. February 1 is a Sunday: the Monday after.
    expect(firings('0 0 0 15W 8 *', '2026-01-01T00:00:00Z')).toEqual(['2026-08-14T00:00:00.000Z']);
    expect(firings('0 0 0 1W 2 *', '2026-01-01T00:00:00Z')).toEqual(['2026-02-02T00:00:00.000Z']);
    // August 1 is a Saturday, and May 31 a Sunday: the weekday stays within the month.
    expect(firings('0 0 0 1W 8 *', '2026-01-01T00:00:00Z')).toEqual(['2026-08-03T00:00:00.000Z']);
    expect(firings('0 0 0 31W 5 *', '2026-01-01T00:00:00Z')).toEqual(['2026-05-29T00:00:00.000Z']);
  });

  it('fires on the last or the nth given day of the week in the month', () => {
    expect(firings('0 0 10 ? * FRIL', '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-30T10:00:00.000Z', '2026-02-27T10:00:00.000Z']);
    expect(firings('0 0 10 ? * 5L', '2026-01-01T00:00:00Z')).toEqual(['2026-01-30T10:00:00.000Z']);
    expect(firings('0 0 10 ? * 6#3', '2026-02-01T00:00:00Z', 2)).toEqual(['2026-02-21T10:00:00.000Z', '2026-03-21T10:00:00.000Z']);
    expect(firings('0 0 10 ? * MON#1', '2026-01-01T00:00:00Z')).toEqual(['2026-01-05T10:00:00.000Z']);
  });

  it('knows the macros', () => {
    const after = '2026-01-31T10:30:00Z';
    expect(firings('@hourly', after)).toEqual(['2026-01-31T11:00:00.000Z']);
    expect(firings('@daily', after)).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(firings('@MIDNIGHT', after)).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(firings('@weekly', after)).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(firings('@monthly', after)).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(firings('@yearly', after)).toEqual(['2027-01-01T00:00:00.000Z']);
    expect(firings('@annually', after)).toEqual(['2027-01-01T00:00:00.000Z']);
  });

  it('answers undefined for an expression that never fires', () => {
    const februaryThirtieth = parseCronExpression('0 0 0 30 2 *');
    expect(februaryThirtieth.ok && nextCronTime(februaryThirtieth.value, 0)).toBeUndefined();
  });
});
