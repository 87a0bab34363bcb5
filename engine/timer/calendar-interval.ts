/**
 * The amount of time an ISO 8601 duration stands for, split as java.time splits it into a `Period` and a `Duration`:
 * years, months, weeks and days count on the calendar of a time zone, hours, minutes and seconds are exact.
 */
import { addCalendarAmount } from './calendar.js';
import { instantOfWallClock, zoneOffsetAt } from './time-zone.js';

export interface CalendarInterval {
  /** Years and months, a year being 12 months. */
  months: number;
  /** Days and weeks, a week being 7 days. */
  days: number;
  /** Hours, minutes and seconds: exact milliseconds. */
  milliseconds: number;
}

/**
 * The instant `interval` after `epochMs`: months and days are added to the wall clock of `zone` (UTC when absent), so
 * that P1D after 10:00 is 10:00 the next day even across a change to or from daylight saving time, then the exact
 * milliseconds are added.
 */
export function addInterval(epochMs: number, interval: CalendarInterval, zone?: string): number {
  if (interval.months === 0 && interval.days === 0) return epochMs + interval.milliseconds;
  const offset = zone === undefined ? 0 : zoneOffsetAt(zone, epochMs);
  const wallClock = addCalendarAmount(epochMs + offset, interval.months, interval.days);
  const instant = zone === undefined ? wallClock : instantOfWallClock(zone, wallClock, offset);
  return instant + interval.milliseconds;
}

export function isLongerThanZero(interval: CalendarInterval): boolean {
  const { months, days, milliseconds } = interval;
  return months >= 0 && days >= 0 && milliseconds >= 0 && months + days + milliseconds > 0;
}
