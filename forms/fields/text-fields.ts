/** Text field and text area: any value becomes text when the form opens; only text (or null) may be submitted. */
import { isPlainObject } from '../data/json-value.js';
import type { FieldBehaviour } from './field-behaviour.js';

const textSchema = (maxLength: number) => ({ type: ['string', 'null'], maxLength });

export const textfieldBehaviour: FieldBehaviour = {
  emptyValue: () => '',
  sanitize(value) {
    if (Array.isArray(value) || isPlainObject(value) || value === null || value === undefined) return '';
    // a one-line input cannot hold line breaks or tabs
    return typeof value === 'string' ? value.replace(/[\r\n\t]/g, ' ') : String(value);
  },
  submittedSchema: (_field, limits) => textSchema(limits.maxTextLength),
  wrongTypeCode: () => 'notText',
};

export const textareaBehaviour: FieldBehaviour = {
  emptyValue: () => '',
  sanitize: (value) => (Array.isArray(value) || isPlainObject(value) || value === null || value === undefined ? '' : String(value)),
  submittedSchema: (_field, limits) => textSchema(limits.maxTextLength),
  wrongTypeCode: () => 'notText',
};
