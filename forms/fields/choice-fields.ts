/**
 * Select and radio (one value), checklist and taglist (a list of values). A value must be one of the field's
 * options. form-js drops other values when the form opens, or, for options from an expression, once the field is
 * shown; it keeps a falsy value (0, false) outside the options, and any value when the expression yields no list.
 * The validator rejects all of them.
 */
import type { CompiledInput, Limits, OptionSource } from '../compile/compiled-form.js';
import type { FieldBehaviour } from './field-behaviour.js';
import { includesValue, optionValuesAtImport, optionValuesShown } from './options.js';

const optionValueSchema = (limits: Limits) => ({ type: ['string', 'number', 'boolean', 'object'], maxLength: limits.maxTextLength });

function source(field: CompiledInput): OptionSource {
  return field.options ?? { kind: 'static', values: [] };
}

export const singleChoiceBehaviour: FieldBehaviour = {
  emptyValue: () => null,
  sanitize(value, field, context) {
    const values = optionValuesAtImport(source(field), context);
    if (values === 'unchecked') return value;
    return values !== 'broken' && includesValue(values, value) ? value : null;
  },
  submittedSchema: (_field, limits) => ({ anyOf: [optionValueSchema(limits), { type: 'null' }] }),
  wrongTypeCode: () => 'invalidValue',
  review: (submitted, sanitized) => (submitted !== null && sanitized === null ? { code: 'notAnOption' } : undefined),
  settle(value, field, context, scope) {
    if (value === null || value === undefined) return undefined;
    const values = optionValuesShown(field, context, scope);
    if (values !== undefined && includesValue(values, value)) return undefined;
    // form-js clears only a truthy value, and only when it knows the options
    return values !== undefined && value ? { value: null, violation: { code: 'notAnOption' } } : { violation: { code: 'notAnOption' } };
  },
};

export const multipleChoiceBehaviour: FieldBehaviour = {
  emptyValue: () => [],
  sanitize(value, field, context) {
    const values = optionValuesAtImport(source(field), context);
    if (values === 'unchecked') return value;
    if (values === 'broken' || !Array.isArray(value)) return [];
    return value.filter((item) => includesValue(values, item));
  },
  submittedSchema: (_field, limits) => ({
    anyOf: [{ type: 'array', maxItems: limits.maxItems, items: optionValueSchema(limits) }, { type: 'null' }],
  }),
  wrongTypeCode: () => 'notAList',
  review: (submitted, sanitized) =>
    Array.isArray(submitted) && (sanitized as unknown[]).length !== submitted.length ? { code: 'notAnOption' } : undefined,
  settle(value, field, context, scope) {
    if (value === null || value === undefined) return undefined;
    // form-js's clean-up crashes on anything but a list
    if (!Array.isArray(value)) return { value: [], violation: { code: 'notAList', crashesFormJs: true } };
    const values = optionValuesShown(field, context, scope);
    if (values === undefined) return value.length > 0 ? { violation: { code: 'notAnOption' } } : undefined;
    if (value.every((item) => includesValue(values, item))) return undefined;
    return { value: value.filter((item) => includesValue(values, item)), violation: { code: 'notAnOption' } };
  },
};
