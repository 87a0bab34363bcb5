/**
 * Cron expressions as Camunda 8.1+ takes them for a timer cycle, which are Spring's (5.3+): six fields, `second minute
 * hour day-of-month month day-of-week`, names and letters in either case, or one of the macros `@yearly`
 * (`@annually`), `@monthly`, `@weekly`, `@daily` (`@midnight`) and `@hourly`. A day must match both day fields, as in
 * Spring (Unix cron takes a day that matches either).
 */
import { fail, ok, type Result } from '../result.js';
import { parseDayOfMonthRule, parseDayOfWeekRule, type DayRule } from './parse-cron-day-rules.js';
import { parseCronField, type CronFieldSpec } from './parse-cron-field.js';

export interface CronExpression {
  /** Ascending, as every field below. */
  seconds: number[];
  minutes: number[];
  hours: number[];
  /** 1 to 12. */
  months: number[];
  matchesDay: DayRule;
}

const MACROS: Record<string, string> = {
  '@YEARLY': '0 0 0 1 1 *',
  '@ANNUALLY': '0 0 0 1 1 *',
  '@MONTHLY': '0 0 0 1 * *',
  '@WEEKLY': '0 0 0 * * 0',
  '@DAILY': '0 0 0 * * *',
  '@MIDNIGHT': '0 0 0 * * *',
  '@HOURLY': '0 0 * * * *',
};

const SECOND: CronFieldSpec = { name: 'second', min: 0, max: 59 };
const MINUTE: CronFieldSpec = { name: 'minute', min: 0, max: 59 };
const HOUR: CronFieldSpec = { name: 'hour', min: 0, max: 23 };
const MONTH: CronFieldSpec = {
  name: 'month',
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
};

/** The expression, or why it is none: a reason that does not repeat the text. */
export function parseCronExpression(text: string): Result<CronExpression> {
  const expression = text.trim().toUpperCase();
  if (expression.startsWith('@') && MACROS[expression] === undefined) {
    return fail(`there is no macro ${text.trim()}, only ${Object.keys(MACROS).join(', ').toLowerCase()}`);
  }
  const fields = (MACROS[expression] ?? expression).split(/\s+/);
  if (fields.length !== 6) {
    return fail(`it has ${fields.length} fields, not six: second minute hour day-of-month month day-of-week`);
  }
  const [second, minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  const seconds = parseCronField(second, SECOND);
  if (!seconds.ok) return seconds;
  const minutes = parseCronField(minute, MINUTE);
  if (!minutes.ok) return minutes;
  const hours = parseCronField(hour, HOUR);
  if (!hours.ok) return hours;
  const months = parseCronField(month, MONTH);
  if (!months.ok) return months;
  const dayOfMonthRule = parseDayOfMonthRule(dayOfMonth);
  if (!dayOfMonthRule.ok) return dayOfMonthRule;
  const dayOfWeekRule = parseDayOfWeekRule(dayOfWeek);
  if (!dayOfWeekRule.ok) return dayOfWeekRule;
  return ok({
    seconds: seconds.value,
    minutes: minutes.value,
    hours: hours.value,
    months: months.value,
    matchesDay: (day) => dayOfMonthRule.value(day) && dayOfWeekRule.value(day),
  });
}
