import { parseCronExpression } from './parse-cron-expression.js';

const reason = (expression: string) => {
  const parsed = parseCronExpression(expression);
  return parsed.ok ? 'parsed' : parsed.failure.message;
};

describe('reading a Spring cron expression', () => {
  it('reads the six fields into the values they match', () => {
    const parsed = parseCronExpression('  0 */15 9-17 * JAN-MAR,DEC MON-FRI ');
    expect(parsed.ok && { ...parsed.value, matchesDay: undefined }).toEqual({
      seconds: [0],
      minutes: [0, 15, 30, 45],
      hours: [9, 10, 11, 12, 13, 14, 15, 16, 17],
      months: [1, 2, 3, 12],
      matchesDay: undefined,
    });
  });

  it('takes any white space between the fields', () => {
    expect(reason('0  0\t9 * * *')).toBe('parsed');
  });

  it.each([
    ['0 9 * * *', 'it has 5 fields, not six: second minute hour day-of-month month day-of-week'],
    ['0 0 9 * * * 2026', 'it has 7 fields, not six: second minute hour day-of-month month day-of-week'],
    ['@fortnightly', 'there is no macro @fortnightly, only @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly'],
    ['60 * * * * *', 'second 60 is outside 0-59'],
    ['0 60 * * * *', 'minute 60 is outside 0-59'],
    ['0 0 25 * * *', 'hour 25 is outside 0-23'],
    ['0 0 0 0 * *', 'day of month 0 is outside 1-31'],
    ['0 0 0 32 * *', 'day of month 32 is outside 1-31'],
    ['0 0 0 * 13 *', 'month 13 is outside 1-12'],
    ['0 0 0 * * 8', 'day of week 8 is outside 0-7'],
    ['0 0 0 * FOO *', "'FOO' is not a month"],
    ['0 0 0 * * FUN', "'FUN' is not a day of week"],
    ['0 0 17-9 * * *', "the range '17-9' of the hour field runs backwards"],
    ['0 0 0 ? * SUN-SAT', "the range 'SUN-SAT' of the day of week field runs backwards"],
    ['*/0 * * * * *', "the step in '*/0' must be 1 or more"],
    ['0 0 ? * * *', "'?' is not a value, range or step of the hour field"],
    ['0 0 0 1,,2 * *', "'' is not a value, range or step of the day of month field"],
    ['0 0 0 *-5 * *', "'*-5' is not a value, range or step of the day of month field"],
    ['0 0 0 L-31 * *', "'L-31' counts back more than 30 days"],
    ['0 0 0 L,15 * *', "'L,15' is not a day of month: use L, L-n, LW, nW or plain values"],
    ['0 0 0 32W * *', 'day of month 32 is outside 1-31'],
    ['0 0 0 ? * L', "'L' in the day of week field needs a day before it, like 5L or FRIL"],
    ['0 0 0 ? * 8L', 'day of week 8 is outside 0-7'],
    ['0 0 0 ? * MON#0', "the ordinal in 'MON#0' must be 1 or more"],
    ['0 0 0 ? * MON#', "'MON#' is not a day of week: use dL, d#n or plain values"],
  ])('rejects %p: %s', (expression, message) => {
    expect(reason(expression)).toBe(message);
  });
});
