import { evaluateFeel } from '../feel/index.js';
import { firstDueDate } from './due-dates.js';
import { parseTimerText, type TimerKind } from './parse-timer-text.js';
import { timerTextFromFeel } from './timer-text-from-feel.js';

const HOUR = 3_600_000;

/** The text a timer takes from a FEEL expression's result. */
function timerText(kind: TimerKind, source: string, variables: Record<string, unknown> = {}): string {
  const result = evaluateFeel(source, variables);
  if (!result.ok) throw new Error(result.failure.message);
  const text = timerTextFromFeel(kind, result.value);
  if (!text.ok) throw new Error(text.failure.message);
  return text.value;
}

describe('timer text from a FEEL result', () => {
  it('takes a days-time or years-months duration as its ISO text', () => {
    expect(timerText('duration', 'duration("PT1H")')).toBe('PT1H');
    expect(timerText('duration', 'duration("PT90M")')).toBe('PT1H30M');
    expect(timerText('duration', 'duration("P1Y2M")')).toBe('P1Y2M');
    expect(timerText('duration', 'date and time(end) - date and time(begin)', {
      begin: '2026-12-01T10:00:00Z',
      end: '2026-12-02T12:30:00Z',
    })).toBe('P1DT2H30M');
    expect(parseTimerText('duration', timerText('duration', 'duration("P1DT2H")')))
      .toEqual({ ok: true, value: { kind: 'duration', interval: { months: 0, days: 1, milliseconds: 2 * HOUR } } });
  });

  it('takes a date and time with an offset, and one without as UTC', () => {
    expect(timerText('date', 'date and time("2026-12-01T10:00:00+01:00")')).toBe('2026-12-01T10:00:00+01:00');
    expect(parseTimerText('date', timerText('date', 'date and time("2026-12-01T10:00:00")')))
      .toEqual({ ok: true, value: { kind: 'date', dueDate: Date.UTC(2026, 11, 1, 10) } });
  });

  it("writes FEEL's zone id notation @Europe/Berlin in the brackets a timer date takes", () => {
    const text = timerText('date', 'date and time("2026-12-01T10:00:00@Europe/Berlin")');
    expect(text).toBe('2026-12-01T10:00:00[Europe/Berlin]');
    expect(parseTimerText('date', text)).toEqual({ ok: true, value: { kind: 'date', dueDate: Date.UTC(2026, 11, 1, 9) } });
  });

  it('takes now() plus a duration as the date it comes to', () => {
    const before = Date.now();
    const text = timerText('date', 'now() + duration("P1D")');
    const after = Date.now();
    const parsed = parseTimerText('date', text);
    const due = parsed.ok ? firstDueDate(parsed.value, after) : NaN;
    expect(due).toBeGreaterThanOrEqual(before + 24 * HOUR);
    expect(due).toBeLessThanOrEqual(after + 24 * HOUR);
  });

  it('takes a string as it is, such as a cycle built from variables', () => {
    expect(timerText('cycle', '"R" + string(reminders) + "/PT" + string(hours) + "H"', { reminders: 3, hours: 4 }))
      .toBe('R3/PT4H');
    expect(timerText('duration', 'deadline', { deadline: 'P14D' })).toBe('P14D');
  });

  it.each([
    ['duration', '5', 'Invalid timer duration expression (expected the expression to result in a duration or a string, but it was the number 5)'],
    ['date', 'missing', 'Invalid timer date expression (expected the expression to result in a date and time or a string, but it was null)'],
    ['cycle', 'true', 'Invalid timer cycle expression (expected the expression to result in a string, but it was the boolean true)'],
    ['cycle', '[1, 2]', 'Invalid timer cycle expression (expected the expression to result in a string, but it was a list)'],
    ['date', '{at: "2026-12-01T10:00:00Z"}', 'Invalid timer date expression (expected the expression to result in a date and time or a string, but it was a context)'],
  ] as const)('refuses a %s from %s, which is neither temporal nor text', (kind, source, message) => {
    const result = evaluateFeel(source, {});
    expect(result.ok && timerTextFromFeel(kind, result.value)).toEqual({ ok: false, failure: { message } });
  });
});
