/**
 * When a timer event fires, in the form engine events keep it: plain JSON, so that replaying the log rebuilds the same
 * timers. Instants are epoch milliseconds.
 */
import type { CalendarInterval } from './calendar-interval.js';

export type TimerSchedule = DateSchedule | DurationSchedule | CycleSchedule | CronSchedule;

/** `timeDate`: fires once, at `dueDate`. */
export interface DateSchedule {
  kind: 'date';
  dueDate: number;
}

/** `timeDuration`: fires once, `interval` after the timer starts. */
export interface DurationSchedule {
  kind: 'duration';
  interval: CalendarInterval;
}

/** `timeCycle` as an ISO 8601 repeating interval: `R3/PT10M`, `R/P1D`, `R5/2026-12-01T10:00:00Z/PT1H`. */
export interface CycleSchedule {
  kind: 'cycle';
  /** How often the cycle fires in all, as written after the `R`; UNBOUNDED_REPETITIONS for a bare `R`. */
  repetitions: number;
  interval: CalendarInterval;
  /** When it fires first; without a start, one interval after the timer starts. */
  start?: number;
  /** The zone (IANA id or offset) the start was given in, whose calendar adds the interval's days and months. */
  zone?: string;
}

/** `timeCycle` as a cron expression: fires at every second it matches, in UTC, without end. */
export interface CronSchedule {
  kind: 'cron';
  expression: string;
}

export const UNBOUNDED_REPETITIONS = -1;

/**
 * How often a timer fires in all: once for a date or a duration, UNBOUNDED_REPETITIONS for `R/…` and cron. `R0`
 * fires once, like `R1`: Zeebe schedules the first firing before it looks at the count.
 */
export function repetitionsOf(schedule: TimerSchedule): number {
  switch (schedule.kind) {
    case 'date':
    case 'duration':
      return 1;
    case 'cycle':
      return schedule.repetitions === 0 ? 1 : schedule.repetitions;
    case 'cron':
      return UNBOUNDED_REPETITIONS;
  }
}

/** The firings left after one more: 0 means the timer is done; an unbounded timer stays unbounded. */
export function repetitionsAfterFiring(repetitions: number): number {
  return repetitions === UNBOUNDED_REPETITIONS ? UNBOUNDED_REPETITIONS : Math.max(repetitions - 1, 0);
}
