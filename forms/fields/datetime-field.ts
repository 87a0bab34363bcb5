/**
 * Date, time and date-time fields. A value is held as text; once shown, form-js's component reads it in the local
 * zone and writes it again in the field's format (`10:30` becomes `10:30+01:00`), which the validator repeats.
 * Beyond form-js, the validator rejects text only form-js's loose reading accepts, a time off the field's time
 * steps (the time picker offers only those) and, with `disallowPassedDates`, a date before today (the date picker
 * offers none): form-js accepts both when they are submitted without its pickers.
 */
import type { CompiledInput, DatetimeSettings } from '../compile/compiled-form.js';
import type { FieldBehaviour, Settled, ValueContext, Violation } from './field-behaviour.js';
import { isoDate, parseDate, parseDateTime, parseTime, serializeDateTime, serializeTime } from './datetime/datetime-text.js';
import { looseTimeMinutes } from './datetime/loose-time.js';

function settings(field: CompiledInput): DatetimeSettings {
  return field.datetime ?? { subtype: 'date', interval: 15, disallowPassedDates: false };
}

function isInvalidDateString(text: string): boolean {
  return Number.isNaN(Date.parse(text));
}

/** form-js's `sanitizeDateTimePickerValue`. */
function sanitizeDatetime(value: unknown, field: CompiledInput, context: ValueContext): unknown {
  if (typeof value !== 'string') return null;
  const { subtype } = settings(field);
  if (subtype === 'date' && (isInvalidDateString(value) || value.includes('T') || value.split('-').length !== 3)) return null;
  if (subtype === 'time' && looseTimeMinutes(value, context.zone.offsetMinutes(context.now)) === null) return null;
  if (subtype === 'datetime') {
    const parts = value.split('T');
    if (isInvalidDateString(value) || parts.length !== 2 || parts[0].split('-').length !== 3) return null;
  }
  return value;
}

function today(context: ValueContext): string {
  const local = context.zone.localParts(context.now);
  return isoDate(local.year, local.month, local.day);
}

function settleDate(value: string, field: CompiledInput, context: ValueContext): Settled | undefined {
  if (parseDate(value) === undefined) return { value: null, violation: { code: 'invalidDate' } };
  if (settings(field).disallowPassedDates && value < today(context)) return { violation: { code: 'pastDate' } };
  return undefined;
}

function settleTime(value: string, field: CompiledInput, context: ValueContext): Settled | undefined {
  const { format, interval } = settings(field);
  const offsetNow = context.zone.offsetMinutes(context.now);
  const minutes = parseTime(value, offsetNow);
  if (minutes === undefined) {
    const loose = looseTimeMinutes(value, offsetNow);
    return { value: loose === null ? null : serializeTime(loose, offsetNow, format), violation: { code: 'invalidTime' } };
  }
  const violation: Violation | undefined = minutes % interval === 0 ? undefined : { code: 'timeInterval', params: { value: String(interval) } };
  return changed(value, serializeTime(minutes, offsetNow, format), violation);
}

function settleDateTime(value: string, field: CompiledInput, context: ValueContext): Settled | undefined {
  const { format, interval, disallowPassedDates } = settings(field);
  const parsed = parseDateTime(value, context.zone);
  if (parsed === undefined) return { value: null, violation: { code: 'invalidDateTime' } };
  let violation: Violation | undefined;
  if (disallowPassedDates && isoDate(parsed.year, parsed.month, parsed.day) < today(context)) violation = { code: 'pastDate' };
  else if (parsed.minutes % interval !== 0) violation = { code: 'timeInterval', params: { value: String(interval) } };
  return changed(value, serializeDateTime(parsed, context.zone, format), violation);
}

function changed(value: string, normalized: string, violation: Violation | undefined): Settled | undefined {
  if (normalized === value) return violation === undefined ? undefined : { violation };
  return { value: normalized, violation };
}

export const datetimeBehaviour: FieldBehaviour = {
  emptyValue: () => null,
  sanitize: sanitizeDatetime,
  submittedSchema: () => ({ type: ['string', 'null'], maxLength: 64 }),
  wrongTypeCode: () => 'invalidValue',
  review(submitted, sanitized, field) {
    if (submitted === null || sanitized !== null) return undefined;
    const { subtype } = settings(field);
    return { code: subtype === 'date' ? 'invalidDate' : subtype === 'time' ? 'invalidTime' : 'invalidDateTime' };
  },
  settle(value, field, context) {
    if (typeof value !== 'string') return undefined;
    switch (settings(field).subtype) {
      case 'date':
        return settleDate(value, field, context);
      case 'time':
        return settleTime(value, field, context);
      case 'datetime':
        return settleDateTime(value, field, context);
    }
  },
};
