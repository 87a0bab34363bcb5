/** When a cron expression next fires, evaluated in UTC as Camunda documents for timer cycles. */
import { daysInMonth, SECOND_MS, wallClockOfDay, weekdayOf } from './calendar.js';
import type { CronExpression } from './parse-cron-expression.js';

/** The Gregorian calendar, weekdays included, repeats every 400 years: an expression silent that long never fires. */
const SEARCHED_MONTHS = 400 * 12;

/** The first whole second after `after` (epoch ms) that the expression matches, or undefined if it never does. */
export function nextCronTime(cron: CronExpression, after: number): number | undefined {
  const first = new Date(Math.floor(after / SECOND_MS) * SECOND_MS + SECOND_MS);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth() + 1;
  let fromDay = first.getUTCDate();
  let fromSecond = first.getUTCHours() * 3600 + first.getUTCMinutes() * 60 + first.getUTCSeconds();
  for (let searched = 0; searched <= SEARCHED_MONTHS; searched++) {
    if (cron.months.includes(month)) {
      const monthDays = daysInMonth(year, month);
      const firstWeekday = weekdayOf(year, month, 1);
      for (let day = fromDay; day <= monthDays; day++) {
        const weekday = (firstWeekday + day - 1) % 7;
        const second = cron.matchesDay({ day, daysInMonth: monthDays, weekday })
          ? firstSecondOfDay(cron, fromSecond)
          : undefined;
        if (second !== undefined) return wallClockOfDay(year, month, day) + second * SECOND_MS;
        fromSecond = 0;
      }
    }
    fromDay = 1;
    fromSecond = 0;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return undefined;
}

/** The first second of the day, counted from midnight, at or after `fromSecond` that the time fields match. */
function firstSecondOfDay(cron: CronExpression, fromSecond: number): number | undefined {
  for (const hour of cron.hours) {
    for (const minute of cron.minutes) {
      const minuteStart = (hour * 60 + minute) * 60;
      if (minuteStart + 59 < fromSecond) continue;
      const second = cron.seconds.find((value) => minuteStart + value >= fromSecond);
      if (second !== undefined) return minuteStart + second;
    }
  }
  return undefined;
}
