/**
 * Proleptic Gregorian calendar arithmetic on "wall-clock milliseconds": a local date and time written as if it were
 * UTC, so that `Date`'s UTC methods read and build it without any time zone getting in the way.
 */
export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The milliseconds in the digits after a decimal point; further digits are dropped, as java.time's `toMillis` does. */
export function fractionMilliseconds(digits: string): number {
  return Number(digits.padEnd(3, '0').slice(0, 3));
}

/** The wall-clock milliseconds of midnight on a day; `month` counts from 1. */
export function wallClockOfDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read the years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(wallClockOfDay(year, month + 1, 0)).getUTCDate();
}

/** 0 for Sunday up to 6 for Saturday, as `Date.getUTCDay` counts. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(wallClockOfDay(year, month, day)).getUTCDay();
}

/**
 * Adds months, then days, as java.time's `Period` does: a day of month the target month lacks becomes its last day
 * (January 31 plus one month is February 28 or 29), and the time of day stays as it is.
 */
export function addCalendarAmount(wallClock: number, months: number, days: number): number {
  const date = new Date(wallClock);
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
  const timeOfDay = wallClock - wallClockOfDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  return wallClockOfDay(year, month, day) + days * DAY_MS + timeOfDay;
}
