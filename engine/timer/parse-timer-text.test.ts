import { parseTimerText, validateStaticTimer } from './parse-timer-text.js';
import type { TimerSchedule } from './timer-schedule.js';

const HOUR = 3_600_000;
const schedule = (kind: 'date' | 'duration' | 'cycle', text: string): TimerSchedule => {
  const parsed = parseTimerText(kind, text);
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return parsed.value;
};

describe('reading a timer value into a schedule', () => {
  it('reads a date into the instant it names', () => {
    expect(schedule('date', '2026-12-01T10:00:00+01:00')).toEqual({ kind: 'date', dueDate: Date.UTC(2026, 11, 1, 9) });
  });

  it('reads a duration into calendar and exact parts', () => {
    expect(schedule('duration', 'P1DT2H')).toEqual({ kind: 'duration', interval: { months: 0, days: 1, milliseconds: 2 * HOUR } });
  });

  it('reads a repeating interval with its count, and R alone as unbounded', () => {
    expect(schedule('cycle', 'R3/PT10M')).toEqual({
      kind: 'cycle',
      repetitions: 3,
      interval: { months: 0, days: 0, milliseconds: 600_000 },
    });
    expect(schedule('cycle', 'R/P1D')).toEqual({ kind: 'cycle', repetitions: -1, interval: { months: 0, days: 1, milliseconds: 0 } });
  });

  it('reads a repeating interval with a start, keeping the zone the start was given in', () => {
    expect(schedule('cycle', 'R5/2026-12-01T10:00:00Z/PT1H')).toEqual({
      kind: 'cycle',
      repetitions: 5,
      interval: { months: 0, days: 0, milliseconds: HOUR },
      start: Date.UTC(2026, 11, 1, 10),
    });
    expect(schedule('cycle', 'R/2022-01-01T10:00:00+02:00[Europe/Berlin]/P1D')).toEqual({
      kind: 'cycle',
      repetitions: -1,
      interval: { months: 0, days: 1, milliseconds: 0 },
      start: Date.UTC(2022, 0, 1, 8),
      zone: 'Europe/Berlin',
    });
  });

  it('takes counts up to the largest Zeebe can hold, and R0 and R1', () => {
    expect(schedule('cycle', 'R2147483647/PT1S')).toMatchObject({ repetitions: 2147483647 });
    expect(schedule('cycle', 'R0/PT1S')).toMatchObject({ repetitions: 0 });
    expect(schedule('cycle', 'R1/PT1S')).toMatchObject({ repetitions: 1 });
  });

  it('reads a cron expression or macro as a cron schedule', () => {
    expect(schedule('cycle', '0 0 9-17 * * MON-FRI')).toEqual({ kind: 'cron', expression: '0 0 9-17 * * MON-FRI' });
    expect(schedule('cycle', '@daily')).toEqual({ kind: 'cron', expression: '@daily' });
  });

  it('ignores white space around the value, as BPMN XML may wrap it onto lines of its own', () => {
    expect(schedule('duration', '\n  PT15S\n')).toEqual(schedule('duration', 'PT15S'));
    expect(schedule('cycle', ' 0 0 9 * * * ')).toEqual({ kind: 'cron', expression: '0 0 9 * * *' });
  });

  it('makes schedules that come back unchanged from JSON', () => {
    for (const [kind, text] of [
      ['date', '2026-12-01T10:00:00[Europe/Berlin]'],
      ['duration', '-PT1H'],
      ['duration', 'PT0S'],
      ['cycle', 'R/2026-03-28T10:00:00[Europe/Berlin]/P1M'],
      ['cycle', '0 0 0 L * ?'],
    ] as const) {
      const value = schedule(kind, text);
      expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    }
  });

  it.each([
    ['date', 'foo', "Invalid timer date expression ('foo' is not an ISO 8601 date and time like 2026-12-01T10:00:00+01:00)"],
    ['date', '2026-02-30T10:00:00Z', "Invalid timer date expression ('2026-02-30T10:00:00Z' is not a valid date and time: 2026-02 has 28 days)"],
    ['duration', 'foo', "Invalid timer duration expression ('foo' is not an ISO 8601 duration like PT15M, P14D or P1DT12H)"],
    ['duration', '', "Invalid timer duration expression ('' is not an ISO 8601 duration like PT15M, P14D or P1DT12H)"],
    ['duration', 'P20000Y', "Invalid timer duration expression ('P20000Y' is longer than 10000 years)"],
    ['cycle', 'R3/PT10X',
      "Invalid timer cycle expression ('R3/PT10X' repeats an invalid interval: 'PT10X' is not an ISO 8601 duration like PT15M, P14D or P1DT12H)"],
    ['cycle', 'R3', "Invalid timer cycle expression ('R3' has no interval after its repetition count, like R3/PT10M)"],
    ['cycle', 'Rx/PT1H', "Invalid timer cycle expression ('Rx/PT1H' has an invalid repetition count: 'x')"],
    ['cycle', 'R-1/PT1H', "Invalid timer cycle expression ('R-1/PT1H' has an invalid repetition count: '-1')"],
    ['cycle', 'R2147483648/PT1H', "Invalid timer cycle expression ('R2147483648/PT1H' repeats more often than 2147483647 times)"],
    ['cycle', 'R/PT0S', "Invalid timer cycle expression ('R/PT0S' repeats an interval that is not longer than zero)"],
    ['cycle', 'R3/-PT1H', "Invalid timer cycle expression ('R3/-PT1H' repeats an interval that is not longer than zero)"],
    ['cycle', 'R3/2026-13-01T10:00:00Z/PT1H',
      "Invalid timer cycle expression ('R3/2026-13-01T10:00:00Z/PT1H' has an invalid start: '2026-13-01T10:00:00Z' is not a valid date and time: there is no month 13)"],
    ['cycle', 'R3/PT1H/2026-12-01T10:00:00Z',
      "Invalid timer cycle expression ('R3/PT1H/2026-12-01T10:00:00Z' repeats an invalid interval: '2026-12-01T10:00:00Z' is not an ISO 8601 duration like PT15M, P14D or P1DT12H)"],
    ['cycle', 'PT1H',
      "Invalid timer cycle expression ('PT1H' is neither an ISO 8601 repeating interval like R3/PT10M nor a cron expression like 0 0 9-17 * * MON-FRI)"],
    ['cycle', '0 0 25 * * *', "Invalid timer cycle expression ('0 0 25 * * *' is not a valid cron expression: hour 25 is outside 0-23)"],
    ['cycle', '0 0 0 30 2 *', "Invalid timer cycle expression ('0 0 0 30 2 *' is a cron expression that never fires)"],
  ] as const)('rejects a %s of %p', (kind, text, message) => {
    expect(parseTimerText(kind, text)).toEqual({ ok: false, failure: { message } });
  });
});

describe('validating a static timer at deployment', () => {
  it('answers nothing for a usable value and the message for one that is not', () => {
    expect(validateStaticTimer('cycle', 'R/P1D')).toBeUndefined();
    expect(validateStaticTimer('date', '2019-10-01T12:00:00Z')).toBeUndefined();
    expect(validateStaticTimer('duration', 'P3X')).toBe(
      "Invalid timer duration expression ('P3X' is not an ISO 8601 duration like PT15M, P14D or P1DT12H)",
    );
  });
});
