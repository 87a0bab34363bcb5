import { firstDueDate, nextDueDate } from './due-dates.js';
import { parseTimerText, type TimerKind } from './parse-timer-text.js';
import { repetitionsAfterFiring, repetitionsOf, UNBOUNDED_REPETITIONS, type TimerSchedule } from './timer-schedule.js';

const at = (iso: string) => Date.parse(iso);
const iso = (epochMs: number) => new Date(epochMs).toISOString();
const schedule = (kind: TimerKind, text: string): TimerSchedule => {
  const parsed = parseTimerText(kind, text);
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return parsed.value;
};

/** The due dates of a timer started at `now`, as the engine would fire it: at most `limit` of them. */
function dueDates(kind: TimerKind, text: string, now: string, limit = 10): string[] {
  const timer = schedule(kind, text);
  const dates: string[] = [];
  let due = firstDueDate(timer, at(now));
  let repetitions = repetitionsOf(timer);
  for (;;) {
    dates.push(iso(due));
    repetitions = repetitionsAfterFiring(repetitions);
    if (repetitions === 0 || dates.length === limit) return dates;
    due = nextDueDate(timer, due)!;
  }
}

describe('when a timer is due', () => {
  const now = '2026-01-31T10:00:00Z';

  it('fires a date once, at that date, even one gone by', () => {
    expect(dueDates('date', '2026-12-01T10:00:00+01:00', now)).toEqual(['2026-12-01T09:00:00.000Z']);
    expect(dueDates('date', '2020-01-01T00:00:00Z', now)).toEqual(['2020-01-01T00:00:00.000Z']);
    expect(nextDueDate(schedule('date', '2026-12-01T10:00:00Z'), at('2026-12-01T10:00:00Z'))).toBeUndefined();
  });

  it('fires a duration once, that long after the timer starts, counting months on the calendar', () => {
    expect(dueDates('duration', 'PT15S', now)).toEqual(['2026-01-31T10:00:15.000Z']);
    expect(dueDates('duration', 'PT0.5S', now)).toEqual(['2026-01-31T10:00:00.500Z']);
    expect(dueDates('duration', 'P1M', now)).toEqual(['2026-02-28T10:00:00.000Z']);
    expect(dueDates('duration', 'P1Y2M3DT4H', now)).toEqual(['2027-04-03T14:00:00.000Z']);
    expect(nextDueDate(schedule('duration', 'PT15S'), at(now))).toBeUndefined();
  });

  it('fires a zero or negative duration at once: its due date is not after the start', () => {
    expect(dueDates('duration', 'PT0S', now)).toEqual([now.replace('Z', '.000Z')]);
    expect(dueDates('duration', '-PT1H', now)).toEqual(['2026-01-31T09:00:00.000Z']);
  });

  it('fires R3 three times in all, one interval apart, the first one interval after the start', () => {
    expect(dueDates('cycle', 'R3/PT10M', now)).toEqual([
      '2026-01-31T10:10:00.000Z',
      '2026-01-31T10:20:00.000Z',
      '2026-01-31T10:30:00.000Z',
    ]);
  });

  it('fires R1 and R0 once, as Zeebe does', () => {
    expect(dueDates('cycle', 'R1/PT10M', now)).toEqual(['2026-01-31T10:10:00.000Z']);
    expect(dueDates('cycle', 'R0/PT10M', now)).toEqual(['2026-01-31T10:10:00.000Z']);
  });

  it('fires R/ without end', () => {
    expect(dueDates('cycle', 'R/P1D', now, 4)).toEqual([
      '2026-02-01T10:00:00.000Z',
      '2026-02-02T10:00:00.000Z',
      '2026-02-03T10:00:00.000Z',
      '2026-02-04T10:00:00.000Z',
    ]);
  });

  it('counts a huge number of repetitions down one firing at a time', () => {
    const cycle = schedule('cycle', 'R2147483647/PT1S');
    expect(repetitionsOf(cycle)).toBe(2147483647);
    expect(repetitionsAfterFiring(2147483647)).toBe(2147483646);
    expect(repetitionsAfterFiring(1)).toBe(0);
    expect(repetitionsAfterFiring(UNBOUNDED_REPETITIONS)).toBe(UNBOUNDED_REPETITIONS);
  });

  it('fires a cycle with a start first at the start, then one interval after each firing', () => {
    expect(dueDates('cycle', 'R5/2026-12-01T10:00:00Z/PT1H', now)).toEqual([
      '2026-12-01T10:00:00.000Z',
      '2026-12-01T11:00:00.000Z',
      '2026-12-01T12:00:00.000Z',
      '2026-12-01T13:00:00.000Z',
      '2026-12-01T14:00:00.000Z',
    ]);
  });

  it('fires a cycle whose start has passed at once, as Zeebe does, then one interval later', () => {
    expect(dueDates('cycle', 'R2/2026-01-01T00:00:00Z/PT1H', now)).toEqual([
      '2026-01-31T10:00:00.000Z',
      '2026-01-31T11:00:00.000Z',
    ]);
  });

  it('keeps the Berlin wall clock of a daily cycle started in Berlin across the change to summer time', () => {
    expect(dueDates('cycle', 'R3/2026-03-28T10:00:00[Europe/Berlin]/P1D', now)).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
    ]);
  });

  it('adds the days of a cycle without zone in UTC', () => {
    expect(dueDates('cycle', 'R3/2026-03-28T09:00:00Z/P1D', now)).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T09:00:00.000Z',
      '2026-03-30T09:00:00.000Z',
    ]);
  });

  it('adds each month to the firing before, so a monthly cycle from January 31 stays on the 28th after February', () => {
    expect(dueDates('cycle', 'R4/2026-01-31T00:00:00Z/P1M', '2026-01-01T00:00:00Z')).toEqual([
      '2026-01-31T00:00:00.000Z',
      '2026-02-28T00:00:00.000Z',
      '2026-03-28T00:00:00.000Z',
      '2026-04-28T00:00:00.000Z',
    ]);
  });

  it('fires a cron expression at each match after the start, without end', () => {
    const cron = schedule('cycle', '0 0 9-17 * * MON-FRI');
    expect(repetitionsOf(cron)).toBe(UNBOUNDED_REPETITIONS);
    expect(dueDates('cycle', '0 0 9-17 * * MON-FRI', '2026-01-30T16:30:00Z', 3)).toEqual([
      '2026-01-30T17:00:00.000Z',
      '2026-02-02T09:00:00.000Z',
      '2026-02-02T10:00:00.000Z',
    ]);
  });

  it('fires a cron expression across the end of the year', () => {
    expect(dueDates('cycle', '0 0 0 L * *', '2026-11-30T00:00:00Z', 3)).toEqual([
      '2026-12-31T00:00:00.000Z',
      '2027-01-31T00:00:00.000Z',
      '2027-02-28T00:00:00.000Z',
    ]);
  });

  it('refuses a cron schedule that parseTimerText would not have made', () => {
    expect(() => firstDueDate({ kind: 'cron', expression: '0 0 0 30 2 *' }, at(now))).toThrow(
      "The cron schedule '0 0 0 30 2 *' never fires",
    );
  });
});
