/**
 * FEEL results leave as JSON data, the only kind of value Zeebe keeps in variables: dates, times and durations become
 * their ISO 8601 text (as Zeebe writes them), values JSON cannot hold (functions, ranges, infinities) become null.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

export function toJsonValue(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      return value === null ? null : objectToJson(value);
    default:
      return null;
  }
}

function objectToJson(value: object): unknown {
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isTemporal(value)) return value.toJSON();
  if (!isPlainObject(value)) return null;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toJsonValue(entry)]));
}

function isTemporal(value: object): value is FeelDate | FeelTime | FeelDateTime | FeelDuration {
  return value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDateTime || value instanceof FeelDuration;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
