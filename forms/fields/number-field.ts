/**
 * Number field. form-js turns anything that reads as a number into one when the form opens (or into its text, with
 * `serializeToString`), and anything else into null; its component only ever produces such values. A submission
 * holds a finite number below 1e21 in size (form-js's decimal rules crash on larger ones), or, with
 * `serializeToString`, the digits the component types.
 */
import type { FieldBehaviour } from './field-behaviour.js';

const LARGEST = 1e21;

function isValidNumber(value: unknown): boolean {
  return (typeof value === 'number' || typeof value === 'string') && value !== '' && !Number.isNaN(Number(value));
}

export const numberBehaviour: FieldBehaviour = {
  emptyValue: () => null,
  sanitize(value, field) {
    if (value === undefined || value === null || value === '' || !isValidNumber(value)) return null;
    return field.number?.serializeToString ? String(value) : Number(value);
  },
  submittedSchema(field) {
    const variants: object[] = [
      { type: 'number', exclusiveMinimum: -LARGEST, exclusiveMaximum: LARGEST },
      { type: 'null' },
      { const: '' },
    ];
    if (field.number?.serializeToString) variants.push({ type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', maxLength: 64 });
    return { anyOf: variants };
  },
  wrongTypeCode: (value) => (typeof value === 'number' && Number.isFinite(value) ? 'numberOutOfRange' : 'notANumber'),
  review(submitted) {
    return typeof submitted === 'string' && Math.abs(Number(submitted)) >= LARGEST ? { code: 'numberOutOfRange' } : undefined;
  },
};
