/**
 * The options of select, radio, checklist and taglist, as form-js reads them: when the form opens
 * (`getSimpleOptionsData`, options from an expression not yet known) and once the field is shown
 * (`useOptionsAsync`, where an expression that yields no list leaves the field without options and without clean-up).
 */
import type { CompiledInput, OptionSource } from '../compile/compiled-form.js';
import { deepEqual, isPlainObject } from '../data/json-value.js';
import type { FieldScope, ValueContext } from './field-behaviour.js';

/** The values of the options that form-js keeps (`normalizeOptionsData`); throws for a non-list, as form-js does. */
export function optionValues(options: unknown): unknown[] {
  const values: unknown[] = [];
  for (const option of (options as unknown[]).filter(isAllowedValue)) {
    if (isAllowedPrimitive(option)) values.push(option);
    else if (isPlainObject(option)) {
      const validLabel = typeof option.label === 'string' && option.label !== '';
      if (!validLabel && isAllowedPrimitive(option.value)) values.push(option.value);
      else if (validLabel && isAllowedValue(option.value)) values.push(option.value);
    }
  }
  return values;
}

function isAllowedPrimitive(value: unknown): boolean {
  return (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') && (Boolean(value) || value === 0 || value === false);
}

function isAllowedValue(value: unknown): boolean {
  return isPlainObject(value) ? Object.keys(value).length > 0 : isAllowedPrimitive(value);
}

export function includesValue(values: readonly unknown[], value: unknown): boolean {
  return values.some((candidate) => deepEqual(candidate, value));
}

/** Option values as form-js knows them when the form opens; undefined where it does not check (an expression). */
export function optionValuesAtImport(source: OptionSource, context: ValueContext): unknown[] | 'unchecked' | 'broken' {
  try {
    switch (source.kind) {
      case 'expression':
        return 'unchecked';
      case 'input':
        return optionValues(context.inputData[source.key]);
      case 'static':
        return source.optionValues ? (source.optionValues as unknown[]) : optionValues(source.values);
    }
  } catch {
    return 'broken';
  }
}

/** Option values of the shown field; undefined where form-js shows an error instead of options. */
export function optionValuesShown(field: CompiledInput, context: ValueContext, scope: FieldScope): unknown[] | undefined {
  const source = field.options;
  switch (source?.kind) {
    case 'input': {
      const options = context.initialData[source.key];
      return optionValues(Array.isArray(options) ? options : []);
    }
    case 'static':
      return source.optionValues ? (source.optionValues as unknown[]) : [];
    case 'expression': {
      const result = (source.feel ? source.feel.evaluate(scope.context(), scope.special) : source.raw) || [];
      return Array.isArray(result) ? optionValues(result) : undefined;
    }
    default:
      return undefined;
  }
}
