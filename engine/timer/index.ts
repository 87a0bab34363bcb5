// TEMPORARY stand-in until the timer module lands; replaced at merge.
import { fail, ok, type Result } from '../result.js';

export interface TimerSchedule { kind: 'date' | 'duration' | 'cycle'; text: string; repetitions: number; intervalMs: number; at?: number }

export function parseTimerText(kind: 'date' | 'duration' | 'cycle', text: string): Result<TimerSchedule> {
  if (kind === 'date') {
    const at = Date.parse(text);
    return Number.isNaN(at) ? fail(`Invalid date '${text}'`) : ok({ kind, text, repetitions: 1, intervalMs: 0, at });
  }
  const match = /^(?:R(\d*)\/)?PT(\d+(?:\.\d+)?)([SMH])$/.exec(text);
  if (!match) return fail(`Invalid timer '${text}'`);
  const unit = { S: 1000, M: 60_000, H: 3_600_000 }[match[3] as 'S' | 'M' | 'H'];
  const repetitions = kind === 'cycle' ? (match[1] === '' || match[1] === undefined ? -1 : Number(match[1])) : 1;
  return ok({ kind, text, repetitions, intervalMs: Number(match[2]) * unit });
}

export function firstDueDate(schedule: TimerSchedule, now: number): number {
  return schedule.at ?? now + schedule.intervalMs;
}

export function nextDueDate(schedule: TimerSchedule, previousDue: number): number {
  return previousDue + schedule.intervalMs;
}

export function timerTextFromFeel(value: unknown): Result<string> {
  return typeof value === 'string' ? ok(value) : fail('not a timer');
}
