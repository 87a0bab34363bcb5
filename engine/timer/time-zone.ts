/**
 * Time zones as a timer schedule keeps them: an IANA zone id (`Europe/Berlin`), resolved with Intl so that daylight
 * saving time is followed, or a fixed offset (`+01:00`), which Intl in Node 20 does not take. No zone means UTC.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, wallClockOfDay } from './calendar.js';

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;
/** java.time's bounds for an offset. */
const MAX_OFFSET_MS = 18 * HOUR_MS;

/** Building an Intl formatter takes far longer than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The canonical spelling of a zone id Intl knows (`europe/berlin` → `Europe/Berlin`), else undefined. */
export function knownZoneId(id: string): string | undefined {
  try {
    return zoneFormatter(id).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The milliseconds of an offset text like `+01:00` or `-05:30`; undefined for other text or beyond ±18:00. */
export function offsetMilliseconds(text: string): number | undefined {
  const match = OFFSET.exec(text);
  if (match === null || Number(match[3]) > 59) return undefined;
  const size = Number(match[2]) * HOUR_MS + Number(match[3]) * MINUTE_MS;
  if (size > MAX_OFFSET_MS) return undefined;
  return match[1] === '-' ? -size : size;
}

/** How far the zone's wall clock is ahead of UTC at an instant. */
export function zoneOffsetAt(zone: string, epochMs: number): number {
  const fixed = offsetMilliseconds(zone);
  if (fixed !== undefined) return fixed;
  const parts = Object.fromEntries(
    zoneFormatter(zone).formatToParts(new Date(epochMs)).map((part) => [part.type, Number(part.value)]),
  );
  const wallClock = wallClockOfDay(parts.year, parts.month, parts.day) +
    parts.hour * HOUR_MS + parts.minute * MINUTE_MS + parts.second * SECOND_MS;
  return wallClock - Math.floor(epochMs / SECOND_MS) * SECOND_MS;
}

/**
 * The instant a wall-clock time in a zone stands for, as java.time's `ZonedDateTime.ofLocal` resolves it: a time the
 * clocks skip (spring forward) moves later by the length of the gap; a time they show twice (fall back) is taken at
 * `preferredOffset` when that is one of the two, else at the offset in force before the change.
 */
export function instantOfWallClock(zone: string, wallClock: number, preferredOffset?: number): number {
  const before = zoneOffsetAt(zone, wallClock - DAY_MS);
  const after = zoneOffsetAt(zone, wallClock + DAY_MS);
  const valid = [...new Set([before, after])].filter((offset) => zoneOffsetAt(zone, wallClock - offset) === offset);
  if (valid.length === 0) return wallClock - before;
  if (valid.length === 1) return wallClock - valid[0];
  return wallClock - (preferredOffset !== undefined && valid.includes(preferredOffset) ? preferredOffset : before);
}

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}
