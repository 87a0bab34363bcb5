/**
 * The two day fields of a Spring cron expression. Besides plain fields they take Quartz's forms: for the day of month
 * `L` (the last day), `L-3` (three days before it), `LW` (the last weekday) and `15W` (the weekday nearest the 15th,
 * staying within the month); for the day of week `5L` or `FRIL` (the month's last Friday) and `5#2` or `FRI#2` (its
 * second Friday). Days of the week count as in Spring: 1 to 7 for Monday to Sunday, 0 also for Sunday.
 */
import { fail, ok, type Result } from '../result.js';
import { fieldValue, parseCronField, type CronFieldSpec } from './parse-cron-field.js';

/** A day as the day fields look at it; `weekday` counts from 0 for Sunday. */
export interface MonthDay {
  day: number;
  daysInMonth: number;
  weekday: number;
}

export type DayRule = (day: MonthDay) => boolean;

const DAY_OF_MONTH: CronFieldSpec = { name: 'day of month', min: 1, max: 31, questionMark: true };
const DAY_OF_WEEK: CronFieldSpec = {
  name: 'day of week',
  min: 0,
  max: 7,
  everyValue: [1, 7],
  names: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
  namesFrom: 1,
  questionMark: true,
};
const SATURDAY = 6;
const SUNDAY = 0;
/** Spring's bound for `L-n`. */
const MAX_DAYS_BEFORE_LAST = 30;

export function parseDayOfMonthRule(text: string): Result<DayRule> {
  if (!/[LW]/.test(text)) {
    const days = parseCronField(text, DAY_OF_MONTH);
    return days.ok ? ok(oneOf(days.value, (day) => day.day)) : days;
  }
  if (text === 'L') return ok((day) => day.day === day.daysInMonth);
  if (text === 'LW') return ok((day) => day.day === lastWeekdayOfMonth(day));
  const daysBeforeLast = /^L-(\d+)$/.exec(text)?.[1];
  if (daysBeforeLast !== undefined) {
    const offset = Number(daysBeforeLast);
    if (offset > MAX_DAYS_BEFORE_LAST) return fail(`'${text}' counts back more than ${MAX_DAYS_BEFORE_LAST} days`);
    return ok((day) => day.day === day.daysInMonth - offset);
  }
  const nearestTo = /^(\d+)W$/.exec(text)?.[1];
  if (nearestTo === undefined) return fail(`'${text}' is not a day of month: use L, L-n, LW, nW or plain values`);
  const target = fieldValue(nearestTo, DAY_OF_MONTH);
  if (!target.ok) return target;
  return ok((day) => day.day === weekdayNearest(target.value, day));
}

export function parseDayOfWeekRule(text: string): Result<DayRule> {
  if (text === 'L') return fail(`'L' in the day of week field needs a day before it, like 5L or FRIL`);
  const lastOf = /^([0-9A-Z]+)L$/.exec(text)?.[1];
  if (lastOf !== undefined) {
    const weekday = fieldValue(lastOf, DAY_OF_WEEK);
    if (!weekday.ok) return weekday;
    return ok((day) => day.weekday === weekday.value % 7 && day.day + 7 > day.daysInMonth);
  }
  const [, nthOf, ordinalText] = /^([0-9A-Z]+)#(\d+)$/.exec(text) ?? [];
  if (nthOf !== undefined) {
    const weekday = fieldValue(nthOf, DAY_OF_WEEK);
    if (!weekday.ok) return weekday;
    const ordinal = Number(ordinalText);
    if (ordinal < 1) return fail(`the ordinal in '${text}' must be 1 or more`);
    return ok((day) => day.weekday === weekday.value % 7 && Math.ceil(day.day / 7) === ordinal);
  }
  if (/[L#]/.test(text)) return fail(`'${text}' is not a day of week: use dL, d#n or plain values`);
  const weekdays = parseCronField(text, DAY_OF_WEEK);
  return weekdays.ok ? ok(oneOf(weekdays.value.map((value) => value % 7), (day) => day.weekday)) : weekdays;
}

function oneOf(values: number[], valueOfDay: (day: MonthDay) => number): DayRule {
  const matching = new Set(values);
  return (day) => matching.has(valueOfDay(day));
}

function weekdayOfDay(dayOfMonth: number, known: MonthDay): number {
  return (((known.weekday + dayOfMonth - known.day) % 7) + 7) % 7;
}

function lastWeekdayOfMonth(known: MonthDay): number {
  const last = known.daysInMonth;
  const weekday = weekdayOfDay(last, known);
  return weekday === SATURDAY ? last - 1 : weekday === SUNDAY ? last - 2 : last;
}

/** The weekday nearest to day `target`: a Saturday moves to Friday, a Sunday to Monday, but never out of the month. */
function weekdayNearest(target: number, known: MonthDay): number | undefined {
  if (target > known.daysInMonth) return undefined;
  const weekday = weekdayOfDay(target, known);
  if (weekday === SATURDAY) return target === 1 ? 3 : target - 1;
  if (weekday === SUNDAY) return target === known.daysInMonth ? target - 2 : target + 1;
  return target;
}
