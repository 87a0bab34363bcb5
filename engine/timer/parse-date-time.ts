/**
 * ISO 8601 date-times as Camunda 8 takes them for timers: with `Z` or an offset, with an IANA zone id in brackets
 * (`2026-12-01T10:00:00[Europe/Berlin]`), or with both, in which case the offset fixes the instant and the zone is
 * kept for later calendar arithmetic (as java.time's `ZonedDateTime.parse` does). Without either, the time is UTC.
 */
import { fail, ok, type Result } from '../result.js';
import { daysInMonth, fractionMilliseconds, HOUR_MS, MINUTE_MS, SECOND_MS, wallClockOfDay } from './calendar.js';
import { instantOfWallClock, knownZoneId, offsetMilliseconds } from './time-zone.js';

export interface ZonedInstant {
  epochMs: number;
  /** The zone id or the offset (`+01:00`) the text named; absent for UTC. */
  zone?: string;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?(?:\[([^\]]*)\])?$/i;

export function parseDateTime(text: string): Result<ZonedInstant> {
  const match = DATE_TIME.exec(text);
  if (match === null) return fail(`'${text}' is not an ISO 8601 date and time like 2026-12-01T10:00:00+01:00`);
  const [, yearText, monthText, dayText, hourText, minuteText, secondText = '0', fraction = '', offsetText, zoneText] =
    match;
  const [year, month, day, hour, minute, second] =
    [yearText, monthText, dayText, hourText, minuteText, secondText].map(Number);
  const invalidPart = invalidDateTimePart(year, month, day, hour, minute, second);
  if (invalidPart !== undefined) return fail(`'${text}' is not a valid date and time: ${invalidPart}`);
  const offset = offsetText === undefined || /^z$/i.test(offsetText) ? 0 : offsetMilliseconds(offsetText);
  if (offset === undefined) return fail(`'${text}' has an invalid offset '${offsetText}': offsets reach up to ±18:00`);
  const zone = zoneText === undefined ? undefined : knownZoneId(zoneText);
  if (zoneText !== undefined && zone === undefined) return fail(`'${text}' names an unknown time zone: '${zoneText}'`);

  const wallClock = wallClockOfDay(year, month, day) + hour * HOUR_MS + minute * MINUTE_MS + second * SECOND_MS +
    fractionMilliseconds(fraction);
  const zoneDecides = offsetText === undefined && zone !== undefined;
  const epochMs = zoneDecides ? instantOfWallClock(zone, wallClock) : wallClock - offset;
  const kept = zone ?? (offset === 0 ? undefined : offsetText);
  return ok(kept === undefined ? { epochMs } : { epochMs, zone: kept });
}

function invalidDateTimePart(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const monthDays = daysInMonth(year, month);
  if (day < 1 || day > monthDays) return `${year}-${String(month).padStart(2, '0')} has ${monthDays} days`;
  if (hour > 23) return `there is no hour ${hour}`;
  if (minute > 59) return `there is no minute ${minute}`;
  if (second > 59) return `there is no second ${second}`;
  return undefined;
}
