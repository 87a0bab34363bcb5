/**
 * The properties of one component that the validator judges, checked for values it can judge the way form-js
 * does. Each check answers the problems it finds, as sentences about the property.
 */
import { isPlainObject } from '../data/json-value.js';
import { toDecimal } from '../rules/decimal.js';
import { OPTION_TYPES } from './component-types.js';
import { feelProblem, isFeel } from './feel-checks.js';
import type { FormComponent } from './form-schema.js';

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
const TEXT_TYPES = new Set(['textfield', 'textarea']);

/** Problems of a dotted binding path (`key`, `path`). */
export function pathProblems(name: 'key' | 'path', value: unknown, required: boolean): string[] {
  if (value === undefined || value === null || value === '') return required ? [`has no ${name}`] : [];
  if (typeof value !== 'string') return [`${name} must be text`];
  const segments = value.split('.');
  if (segments.some((segment) => segment === '')) return [`${name} '${value}' has an empty segment`];
  if (segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) return [`${name} '${value}' uses a reserved name`];
  if (segments.some((segment) => /^\d+$/.test(segment))) return [`${name} '${value}' has a numeric segment, which form-js reads as a list index`];
  return [];
}

export function booleanProblems(component: FormComponent, property: string): string[] {
  const value = component[property];
  return value === undefined || typeof value === 'boolean' ? [] : [`${property} must be true or false`];
}

export function feelOrBooleanProblems(component: FormComponent, property: 'readonly' | 'multiple', kind: 'expression' | 'unaryTest'): string[] {
  const value = component[property];
  if (value === undefined || typeof value === 'boolean') return [];
  if (!isFeel(value)) return [`${property} must be true, false or a FEEL expression starting with '='`];
  const problem = feelProblem(value, kind);
  return problem === undefined ? [] : [`${property}: ${problem}`];
}

export function conditionProblems(component: FormComponent): string[] {
  const { conditional } = component;
  if (conditional === undefined || conditional === null) return [];
  if (!isPlainObject(conditional)) return ['conditional must be an object'];
  const { hide } = conditional;
  if (hide === undefined || hide === null || hide === '') return [];
  if (!isFeel(hide)) return ["conditional.hide must be a FEEL condition starting with '='"];
  const problem = feelProblem(hide, 'unaryTest');
  return problem === undefined ? [] : [`conditional.hide: ${problem}`];
}

export function validateProblems(component: FormComponent): string[] {
  const { validate, type } = component;
  if (validate === undefined || validate === null) return [];
  if (!isPlainObject(validate)) return ['validate must be an object'];
  const problems: string[] = [];
  if (validate.required !== undefined && typeof validate.required !== 'boolean') {
    problems.push('validate.required must be true or false (form-js does not evaluate FEEL there)');
  }
  for (const bound of ['min', 'max'] as const) {
    if (validate[bound] === undefined || validate[bound] === null) continue;
    if (type !== 'number') problems.push(`validate.${bound} applies to number fields only`);
    else problems.push(...numberOrFeel(`validate.${bound}`, validate[bound]));
  }
  for (const bound of ['minLength', 'maxLength'] as const) {
    if (validate[bound] === undefined || validate[bound] === null) continue;
    if (!TEXT_TYPES.has(type)) problems.push(`validate.${bound} applies to text fields and text areas only`);
    else if (isFeel(validate[bound])) problems.push(...feelMessages(`validate.${bound}`, validate[bound] as string));
    else if (!Number.isInteger(validate[bound]) || (validate[bound] as number) < 0) problems.push(`validate.${bound} must be a whole number or FEEL`);
  }
  if (validate.pattern !== undefined && validate.pattern !== null && validate.pattern !== '') {
    if (!TEXT_TYPES.has(type)) problems.push('validate.pattern applies to text fields and text areas only');
    else if (typeof validate.pattern !== 'string') problems.push('validate.pattern must be text');
    else {
      try {
        new RegExp(validate.pattern);
      } catch (error) {
        problems.push(`validate.pattern is not a valid regular expression: ${(error as Error).message}`);
      }
    }
  }
  if (validate.patternErrorMessage !== undefined && typeof validate.patternErrorMessage !== 'string') {
    problems.push('validate.patternErrorMessage must be text');
  }
  const validationType: unknown = validate.validationType;
  if (validationType !== undefined && validationType !== null && validationType !== '') {
    if (type !== 'textfield') problems.push('validate.validationType applies to text fields only');
    else if (!['email', 'phone', 'custom'].includes(validationType as string)) problems.push(`validate.validationType '${String(validationType)}' is unknown`);
  }
  return problems;
}

function numberOrFeel(property: string, value: unknown): string[] {
  if (isFeel(value)) return feelMessages(property, value);
  if (typeof value === 'number' ? !Number.isFinite(value) : toDecimal(value) === undefined) return [`${property} must be a number or FEEL`];
  return [];
}

function feelMessages(property: string, source: string): string[] {
  const problem = feelProblem(source, 'expression');
  return problem === undefined ? [] : [`${property}: ${problem}`];
}

/** Options of select, radio, checklist and taglist; `bindingRoots` are the first segments of all binding paths. */
export function optionProblems(component: FormComponent, bindingRoots: ReadonlySet<string>): string[] {
  if (!OPTION_TYPES.has(component.type)) return [];
  const sources = (['values', 'valuesKey', 'valuesExpression'] as const).filter((name) => component[name] !== undefined);
  if (sources.length > 1) return [`has more than one source of options (${sources.join(', ')})`];
  const { values, valuesKey, valuesExpression } = component;
  if (values !== undefined && !Array.isArray(values)) return ['values must be a list of options'];
  if (valuesKey !== undefined) {
    if (typeof valuesKey !== 'string' || valuesKey === '') return ['valuesKey must name an input variable'];
    if (bindingRoots.has(valuesKey)) return [`valuesKey '${valuesKey}' is also bound to a field, so a submission could change the options`];
  }
  if (valuesExpression !== undefined) {
    if (!isFeel(valuesExpression)) return ["valuesExpression must be a FEEL expression starting with '='"];
    return feelMessages('valuesExpression', valuesExpression);
  }
  return [];
}

export function numberProblems(component: FormComponent): string[] {
  if (component.type !== 'number') return [];
  const problems = booleanProblems(component, 'serializeToString');
  const { decimalDigits, increment } = component;
  if (decimalDigits !== undefined && decimalDigits !== null && (!Number.isInteger(decimalDigits) || decimalDigits < 0)) {
    problems.push('decimalDigits must be a whole number of at least 0');
  }
  if (increment !== undefined && increment !== null && increment !== '') {
    const decimal = toDecimal(increment);
    if ((typeof increment !== 'number' && typeof increment !== 'string') || decimal === undefined || decimal.negative || decimal.mantissa === 0n) {
      problems.push('increment must be a number above 0');
    }
  }
  return problems;
}

export function datetimeProblems(component: FormComponent): string[] {
  if (component.type !== 'datetime') return [];
  const problems = booleanProblems(component, 'disallowPassedDates');
  const { subtype, timeSerializingFormat } = component;
  if (subtype !== undefined && !['date', 'time', 'datetime'].includes(subtype)) problems.push(`subtype '${String(subtype)}' is unknown`);
  if (timeSerializingFormat !== undefined && !['utc_offset', 'utc_normalized', 'no_timezone'].includes(timeSerializingFormat)) {
    problems.push(`timeSerializingFormat '${String(timeSerializingFormat)}' is unknown`);
  }
  return problems;
}

export function expressionProblems(component: FormComponent): string[] {
  if (component.type !== 'expression') return [];
  const { expression, computeOn } = component;
  const problems: string[] = [];
  if (computeOn !== undefined && computeOn !== 'change' && computeOn !== 'presubmit') problems.push(`computeOn '${String(computeOn)}' is unknown`);
  if (typeof expression !== 'string' || expression === '') problems.push('has no expression');
  else if (isFeel(expression)) problems.push(...feelMessages('expression', expression));
  return problems;
}

export function filepickerProblems(component: FormComponent): string[] {
  if (component.type !== 'filepicker') return [];
  const problems = feelOrBooleanProblems(component, 'multiple', 'expression');
  const { accept } = component;
  if (accept === undefined || accept === null || accept === '') return problems;
  if (typeof accept !== 'string') problems.push('accept must be text');
  else if (isFeel(accept)) problems.push(...feelMessages('accept', accept));
  else if (/{{.*?}}/.test(accept)) problems.push('accept uses a template, which the validator cannot evaluate');
  return problems;
}

/** A default form-js would put in the field unchecked, which must hold a value of the field's kind. */
export function defaultValueProblems(component: FormComponent): string[] {
  const { type, defaultValue } = component;
  if (defaultValue === undefined || defaultValue === null) return [];
  const fits: Record<string, (value: unknown) => boolean> = {
    textfield: (value) => typeof value === 'string',
    textarea: (value) => typeof value === 'string',
    number: (value) => (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e21) || (component.serializeToString === true && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)),
    checkbox: (value) => typeof value === 'boolean',
    checklist: Array.isArray,
    taglist: Array.isArray,
    radio: (value) => ['string', 'number', 'boolean'].includes(typeof value) || isPlainObject(value),
    select: (value) => ['string', 'number', 'boolean'].includes(typeof value) || isPlainObject(value),
    datetime: (value) => typeof value === 'string',
  };
  const fit = fits[type];
  if (fit === undefined) return [`a ${type} cannot have a defaultValue`];
  return fit(defaultValue) ? [] : [`defaultValue ${JSON.stringify(defaultValue)} does not fit a ${type}`];
}
