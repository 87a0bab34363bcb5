/**
 * Local time in a named time zone, for what form-js does with the browser's local time (`Date#getHours`,
 * `getTimezoneOffset`, `setHours`, `Date.parse` of a time without offset). The validator may run where the local
 * zone is not the citizen's (a server in UTC), so the zone is given, and Intl does the arithmetic.
 */

export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

export interface TimeZone {
  readonly name: string;
  /** `Date#getTimezoneOffset` at `instant`: minutes from local time to UTC (-60 for Berlin in winter). */
  offsetMinutes(instant: number): number;
  localParts(instant: number): LocalParts;
  /**
   * The instant of a local wall time, as `new Date(y, m, d, h, min)` finds it: a time that falls in a gap is read
   * with the offset before the change, a time that occurs twice is the earlier instant. Days beyond the month roll
   * over (day 0 is the last of the previous month).
   */
  instantOf(year: number, month: number, day: number, hour: number, minute: number): number;
}

const zones = new Map<string, TimeZone>();
const DAY = 86_400_000;
const OFFSET_CACHE_LIMIT = 20_000;

/** The zone of the runtime: in a browser the citizen's, which is what form-js uses. */
export function runtimeTimeZoneName(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Throws a RangeError for a name Intl does not know. */
export function timeZoneNamed(name: string): TimeZone {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = createTimeZone(name);
    zones.set(name, zone);
  }
  return zone;
}

function createTimeZone(name: string): TimeZone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const wallClockAsUtc = (instant: number): number => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
    const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
    return utcOf(year, Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  };
  // Intl is slow and offsets change only at a zone's transitions, which fall on whole minutes since 1900: one
  // answer per minute, kept for the minutes asked most
  const offsets = new Map<number, number>();
  const offsetMinutes = (instant: number): number => {
    const minute = Math.floor(instant / 60_000);
    let offset = offsets.get(minute);
    if (offset === undefined) {
      const start = minute * 60_000;
      offset = (start - wallClockAsUtc(start)) / 60_000;
      if (offsets.size >= OFFSET_CACHE_LIMIT) offsets.delete(offsets.keys().next().value!);
      offsets.set(minute, offset);
    }
    return offset;
  };
  return {
    name,
    offsetMinutes,
    localParts(instant) {
      const wall = new Date(instant - offsetMinutes(instant) * 60_000);
      return {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
      };
    },
    instantOf(year, month, day, hour, minute) {
      const wall = utcOf(year, month, day, hour, minute, 0);
      const before = -offsetMinutes(wall - DAY) * 60_000;
      const after = -offsetMinutes(wall + DAY) * 60_000;
      const early = wall - Math.max(before, after);
      const late = wall - Math.min(before, after);
      if (early - offsetMinutes(early) * 60_000 === wall) return early;
      if (late - offsetMinutes(late) * 60_000 === wall) return late;
      return wall - before;
    },
  };
}

/** `Date.UTC` without its mapping of years 0 to 99 onto 1900 to 1999. */
export function utcOf(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}
