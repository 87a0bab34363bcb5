/**
 * Timer events' schedules, without engine state or I/O: `parseTimerText` reads a `timeDate`, `timeDuration` or
 * `timeCycle` value (after `timerTextFromFeel` for an expression) into a JSON schedule for engine events;
 * `firstDueDate`, `nextDueDate` and the repetition count say when it fires.
 */
export { parseTimerText, validateStaticTimer, type TimerKind } from './parse-timer-text.js';
export { timerTextFromFeel } from './timer-text-from-feel.js';
export { firstDueDate, nextDueDate } from './due-dates.js';
export {
  repetitionsAfterFiring,
  repetitionsOf,
  UNBOUNDED_REPETITIONS,
  type CronSchedule,
  type CycleSchedule,
  type DateSchedule,
  type DurationSchedule,
  type TimerSchedule,
} from './timer-schedule.js';
export type { CalendarInterval } from './calendar-interval.js';
