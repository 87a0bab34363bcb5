/** When a timer is due: first, when it starts, and then, for a cycle, after each firing. */
import { addInterval } from './calendar-interval.js';
import { nextCronTime } from './next-cron-time.js';
import { parseCronExpression } from './parse-cron-expression.js';
import type { CronSchedule, TimerSchedule } from './timer-schedule.js';

/**
 * When a timer that starts at `now` is first due. A date or a duration may lie in the past (a negative duration, a
 * date gone by): the timer is then due at once. A cycle whose start has passed is due at `now`, as in Zeebe.
 */
export function firstDueDate(schedule: TimerSchedule, now: number): number {
  switch (schedule.kind) {
    case 'date':
      return schedule.dueDate;
    case 'duration':
      return addInterval(now, schedule.interval);
    case 'cycle':
      return schedule.start === undefined ? addInterval(now, schedule.interval) : Math.max(schedule.start, now);
    case 'cron':
      return nextCronFiring(schedule, now);
  }
}

/**
 * When a cycle is due again after it was due at `previousDue`: one interval later, or the next time the cron
 * expression matches. Undefined for a date or a duration, which fire once. Whether a cycle has repetitions left is
 * for `repetitionsAfterFiring` to say.
 */
export function nextDueDate(schedule: TimerSchedule, previousDue: number): number | undefined {
  switch (schedule.kind) {
    case 'date':
    case 'duration':
      return undefined;
    case 'cycle':
      return addInterval(previousDue, schedule.interval, schedule.zone);
    case 'cron':
      return nextCronFiring(schedule, previousDue);
  }
}

function nextCronFiring(schedule: CronSchedule, after: number): number {
  const cron = parseCronExpression(schedule.expression);
  const next = cron.ok ? nextCronTime(cron.value, after) : undefined;
  // parseTimerText admits only expressions that parse and fire: any other schedule was not made by it.
  if (next === undefined) throw new Error(`The cron schedule '${schedule.expression}' never fires`);
  return next;
}
