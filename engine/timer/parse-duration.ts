/**
 * ISO 8601 durations as Zeebe reads them with java.time: `PnYnMnWnDTnHnMnS`, any part left out, a fraction only on
 * the seconds (`PT0.5S`), letters in either case. A leading `-` makes the whole duration negative.
 */
import { fail, ok, type Result } from '../result.js';
import { DAY_MS, fractionMilliseconds, HOUR_MS, MINUTE_MS, SECOND_MS } from './calendar.js';
import type { CalendarInterval } from './calendar-interval.js';

const DURATION =
  /^([+-])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:(T)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/i;

/** Keeps every due date far inside what a JavaScript `Date` can hold (some 270,000 years). */
const MAX_YEARS = 10_000;
const AVERAGE_YEAR_DAYS = 365.2425;

export function parseDuration(text: string): Result<CalendarInterval> {
  const [, sign, years, months, weeks, days, timeMark, hours, minutes, seconds, fraction] = DURATION.exec(text) ?? [];
  const hasTimePart = hours !== undefined || minutes !== undefined || seconds !== undefined;
  const hasDatePart = years !== undefined || months !== undefined || weeks !== undefined || days !== undefined;
  if (timeMark === undefined ? !hasDatePart : !hasTimePart) {
    return fail(`'${text}' is not an ISO 8601 duration like PT15M, P14D or P1DT12H`);
  }
  const amount = (part: string | undefined) => (part === undefined ? 0 : Number(part));
  const interval = {
    months: amount(years) * 12 + amount(months),
    days: amount(weeks) * 7 + amount(days),
    milliseconds: amount(hours) * HOUR_MS + amount(minutes) * MINUTE_MS + amount(seconds) * SECOND_MS +
      fractionMilliseconds(fraction ?? ''),
  };
  if (approximateDays(interval) > MAX_YEARS * AVERAGE_YEAR_DAYS) {
    return fail(`'${text}' is longer than ${MAX_YEARS} years`);
  }
  return ok(sign === '-' ? negated(interval) : interval);
}

function approximateDays({ months, days, milliseconds }: CalendarInterval): number {
  return (months / 12) * AVERAGE_YEAR_DAYS + days + milliseconds / DAY_MS;
}

// `|| 0` keeps a zero a zero: -0 would not survive a trip through JSON unchanged.
function negated({ months, days, milliseconds }: CalendarInterval): CalendarInterval {
  return { months: -months || 0, days: -days || 0, milliseconds: -milliseconds || 0 };
}
