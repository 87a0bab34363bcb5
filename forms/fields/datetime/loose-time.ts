/**
 * form-js's own reading of a time (`parseIsoTime`), which is loose (`parseInt`, hours up to 24, minutes up to 60).
 * The validator rejects what only this reading accepts, but repeats it to know the value form-js would hold.
 */

const MINUTES_IN_DAY = 24 * 60;

function basicMinutes(text: string | undefined): number | null {
  const segments = (text ?? '').split(':');
  const hour = parseInt(segments[0], 10);
  const minute = segments.length > 1 ? parseInt(segments[1], 10) : 0;
  if (Number.isNaN(hour) || hour < 0 || hour > 24 || Number.isNaN(minute) || minute < 0 || minute > 60) return null;
  return hour * 60 + minute;
}

/** The minute of the local day, or null; `offsetNow` is today's `getTimezoneOffset`. */
export function looseTimeMinutes(text: string, offsetNow: number): number | null {
  if (!text) return null;
  if (text.includes('Z')) {
    const minutes = basicMinutes(text.replace('Z', ''));
    return minutes === null ? null : (minutes - offsetNow + MINUTES_IN_DAY) % MINUTES_IN_DAY;
  }
  const sign = text.includes('+') ? '+' : text.includes('-') ? '-' : undefined;
  if (sign === undefined) return basicMinutes(text);
  const [time, offset] = text.split(sign);
  const minutes = basicMinutes(time);
  const inbound = basicMinutes(offset);
  if (minutes === null || inbound === null) return null;
  return (minutes + (sign === '+' ? -inbound : inbound) - offsetNow + MINUTES_IN_DAY) % MINUTES_IN_DAY;
}
