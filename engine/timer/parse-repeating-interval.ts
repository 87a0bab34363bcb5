/**
 * ISO 8601 repeating intervals as Zeebe takes them for a timer cycle: `R<n>/<duration>` or `R<n>/<start>/<duration>`,
 * a bare `R` repeating without end. The start is a date-time as a timer date takes it.
 */
import { fail, ok, type Result } from '../result.js';
import { isLongerThanZero } from './calendar-interval.js';
import { parseDateTime } from './parse-date-time.js';
import { parseDuration } from './parse-duration.js';
import { UNBOUNDED_REPETITIONS, type CycleSchedule } from './timer-schedule.js';

/** Zeebe reads the count into a Java int. */
const MAX_REPETITIONS = 2_147_483_647;

/** `text` starts with `R`. */
export function parseRepeatingInterval(text: string): Result<CycleSchedule> {
  const separator = text.indexOf('/');
  if (separator === -1) return fail(`'${text}' has no interval after its repetition count, like R3/PT10M`);
  const count = text.slice(1, separator);
  if (!/^\d*$/.test(count)) return fail(`'${text}' has an invalid repetition count: '${count}'`);
  const repetitions = count === '' ? UNBOUNDED_REPETITIONS : Number(count);
  if (repetitions > MAX_REPETITIONS) return fail(`'${text}' repeats more often than ${MAX_REPETITIONS} times`);

  const startAndInterval = text.slice(separator + 1);
  const startEnd = startAndInterval.lastIndexOf('/');
  const interval = parseDuration(startAndInterval.slice(startEnd + 1));
  if (!interval.ok) return fail(`'${text}' repeats an invalid interval: ${interval.failure.message}`);
  // A cycle of no time at all would fire without pause.
  if (!isLongerThanZero(interval.value)) return fail(`'${text}' repeats an interval that is not longer than zero`);
  const cycle: CycleSchedule = { kind: 'cycle', repetitions, interval: interval.value };
  if (startEnd === -1) return ok(cycle);

  const start = parseDateTime(startAndInterval.slice(0, startEnd));
  if (!start.ok) return fail(`'${text}' has an invalid start: ${start.failure.message}`);
  const { epochMs, zone } = start.value;
  return ok(zone === undefined ? { ...cycle, start: epochMs } : { ...cycle, start: epochMs, zone });
}
