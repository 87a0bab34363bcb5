/**
 * What a timer's FEEL expression resulted in, as text for `parseTimerText`. The engine's FEEL evaluation hands
 * temporal values over as the ISO 8601 text Zeebe writes for them (`PT1H`, `P1Y2M`, `2026-12-01T10:00:00+01:00`), a
 * date and time in a zone as `2026-12-01T10:00:00@Europe/Berlin`, which becomes the `[Europe/Berlin]` a timer takes.
 */
import { ok, type Result } from '../result.js';
import { timerFailure, type TimerKind } from './parse-timer-text.js';

const EXPECTED: Record<TimerKind, string> = {
  date: 'a date and time or a string',
  duration: 'a duration or a string',
  cycle: 'a string',
};

const FEEL_ZONE_ID = /@([^@]+)$/;

export function timerTextFromFeel(kind: TimerKind, value: unknown): Result<string> {
  if (typeof value !== 'string') {
    return timerFailure(kind, `expected the expression to result in ${EXPECTED[kind]}, but it was ${described(value)}`);
  }
  return ok(kind === 'date' ? value.replace(FEEL_ZONE_ID, '[$1]') : value);
}

function described(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a context';
  return `the ${typeof value} ${String(value)}`;
}
