/**
 * A timer event's value, static or the text a FEEL expression gave, read into a schedule. Failures are worded as
 * Zeebe words them, `Invalid timer cycle expression (…)`, with the reason naming the text at fault.
 */
import type { TimerDefinition } from '../bpmn/model.js';
import { fail, ok, type Result } from '../result.js';
import { parseCycle } from './parse-cycle.js';
import { parseDateTime } from './parse-date-time.js';
import { parseDuration } from './parse-duration.js';
import type { TimerSchedule } from './timer-schedule.js';

export type TimerKind = TimerDefinition['kind'];

/** Surrounding white space is ignored: BPMN XML may wrap a value onto lines of its own. */
export function parseTimerText(kind: TimerKind, text: string): Result<TimerSchedule> {
  const schedule = scheduleOf(kind, text.trim());
  return schedule.ok ? schedule : timerFailure(kind, schedule.failure.message);
}

/** For deployment: why a static timer value cannot be used, or undefined when it can. */
export function validateStaticTimer(kind: TimerKind, text: string): string | undefined {
  const schedule = parseTimerText(kind, text);
  return schedule.ok ? undefined : schedule.failure.message;
}

export function timerFailure(kind: TimerKind, reason: string): Result<never> {
  return fail(`Invalid timer ${kind} expression (${reason})`);
}

function scheduleOf(kind: TimerKind, text: string): Result<TimerSchedule> {
  switch (kind) {
    case 'date': {
      const instant = parseDateTime(text);
      return instant.ok ? ok({ kind: 'date', dueDate: instant.value.epochMs }) : instant;
    }
    case 'duration': {
      const interval = parseDuration(text);
      return interval.ok ? ok({ kind: 'duration', interval: interval.value }) : interval;
    }
    case 'cycle':
      return parseCycle(text);
  }
}
