/** A timer cycle: an ISO 8601 repeating interval (`R3/PT10M`) or, since Camunda 8.1, a cron expression. */
import { fail, ok, type Result } from '../result.js';
import { nextCronTime } from './next-cron-time.js';
import { parseCronExpression } from './parse-cron-expression.js';
import { parseRepeatingInterval } from './parse-repeating-interval.js';
import type { CronSchedule, CycleSchedule } from './timer-schedule.js';

export function parseCycle(text: string): Result<CycleSchedule | CronSchedule> {
  if (text.startsWith('R')) return parseRepeatingInterval(text);
  if (text.startsWith('@') || /\s/.test(text)) return parseCronSchedule(text);
  return fail(`'${text}' is neither an ISO 8601 repeating interval like R3/PT10M ` +
    'nor a cron expression like 0 0 9-17 * * MON-FRI');
}

function parseCronSchedule(text: string): Result<CronSchedule> {
  const cron = parseCronExpression(text);
  if (!cron.ok) return fail(`'${text}' is not a valid cron expression: ${cron.failure.message}`);
  // Searched from any instant, an expression that can ever fire is found to: the calendar repeats (next-cron-time.ts).
  if (nextCronTime(cron.value, 0) === undefined) return fail(`'${text}' is a cron expression that never fires`);
  return ok({ kind: 'cron', expression: text });
}
