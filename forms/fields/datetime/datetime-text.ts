/**
 * The text forms of form-js's datetime field and how it re-writes them once mounted (`Datetime`'s
 * `computeAndSetState`): a date stays `YYYY-MM-DD`; a time and a date-time are read in the local zone and written
 * again in the field's `timeSerializingFormat` (`10:30+01:00`, `10:30Z` or `10:30`). Only the strict ISO forms are
 * read; form-js's looser readings (`Date.parse`, `parseInt`) of anything else end in null or in another value.
 */
import { utcOf, type TimeZone } from './time-zone.js';

export type TimeFormat = 'utc_offset' | 'utc_normalized' | 'no_timezone';

/** A value read from text: the local date and the minute of the local day. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly minutes: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const MINUTES_IN_DAY = 24 * 60;

export function parseDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = DATE.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? { year, month, day } : undefined;
}

/** form-js's `parseIsoTime`: the minute of the local day, an offset or `Z` converted with today's local offset. */
export function parseTime(text: string, offsetNow: number): number | undefined {
  const match = TIME.exec(text);
  if (match === null) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59 || Number(match[3] ?? 0) > 59) return undefined;
  const zone = match[4];
  if (zone === undefined) return hour * 60 + minute;
  const inbound = zone === 'Z' ? 0 : offsetOf(zone);
  if (inbound === undefined) return undefined;
  const minutes = (hour * 60 + minute - inbound - offsetNow + MINUTES_IN_DAY) % MINUTES_IN_DAY;
  return minutes >= 0 ? minutes : undefined;
}

/** `Date.parse` of a strict ISO date-time (no offset: local time), as the local date and minute it shows. */
export function parseDateTime(text: string, zone: TimeZone): LocalDateTime | undefined {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0));
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  let instant: number;
  if (match[8] === undefined) {
    instant = zone.instantOf(year, month, day, hour, minute);
  } else {
    const offset = match[8] === 'Z' ? 0 : offsetOf(match[8]);
    if (offset === undefined) return undefined;
    instant = utcOf(year, month, day, hour, minute, 0) - offset * 60_000;
  }
  const local = zone.localParts(instant + second * 1000);
  return { year: local.year, month: local.month, day: local.day, minutes: local.hour * 60 + local.minute };
}

/** form-js's `serializeTime` with the local offset (`getTimezoneOffset`) `offset`. */
export function serializeTime(minutes: number, offset: number, format: TimeFormat | undefined): string {
  if (format === 'utc_normalized') {
    const normalized = (((minutes + offset + MINUTES_IN_DAY) % MINUTES_IN_DAY) + MINUTES_IN_DAY) % MINUTES_IN_DAY;
    return `${pad(Math.floor(normalized / 60))}:${pad(normalized % 60)}Z`;
  }
  const base = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return format === 'utc_offset' ? base + offsetText(offset) : base;
}

/**
 * form-js's `serializeDateTime`: the local date at that minute, shifted a day where UTC normalisation crosses
 * midnight (form-js's test for the day after is `> 24h`, so a time that lands exactly on UTC midnight keeps its day).
 */
export function serializeDateTime(value: LocalDateTime, zone: TimeZone, format: TimeFormat | undefined): string {
  const hour = Math.floor(value.minutes / 60);
  const minute = value.minutes % 60;
  let instant = zone.instantOf(value.year, value.month, value.day, hour, minute);
  if (format === 'utc_normalized') {
    const offset = zone.offsetMinutes(instant);
    const dayOffset = value.minutes + offset < 0 ? -1 : value.minutes + offset > MINUTES_IN_DAY ? 1 : 0;
    if (dayOffset !== 0) {
      const local = zone.localParts(instant);
      instant = zone.instantOf(local.year, local.month, local.day, local.hour + dayOffset * 24, local.minute);
    }
  }
  const local = zone.localParts(instant);
  return `${isoDate(local.year, local.month, local.day)}T${serializeTime(value.minutes, zone.offsetMinutes(instant), format)}`;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** form-js's `formatTimezoneOffset`: `getTimezoneOffset` -60 is `+01:00`. */
function offsetText(offset: number): string {
  const hours = offset > 0 ? '-' + pad(Math.floor(offset / 60)) : '+' + pad(Math.floor(-offset / 60));
  return `${hours}:${pad(Math.abs(offset % 60))}`;
}

/** `+01:30` → 90 minutes ahead of UTC. */
function offsetOf(text: string): number | undefined {
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return (text[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
