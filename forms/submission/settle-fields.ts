/**
 * What happens once form-js has rendered the form, repeated until nothing changes: each shown, editable field's
 * component acts on its value (options cleaned up, dates re-written, expressions computed), which may show or
 * hide other fields. A read-only field keeps the value the form opened with: a citizen cannot type into it.
 * form-js computes an expression field once per change of the data; the validator computes to the fixed point, as
 * form-js does after one more change.
 */
import type { CompiledForm, CompiledInput } from '../compile/compiled-form.js';
import { cloneJson, deepEqual, type JsonObject } from '../data/json-value.js';
import { getPath, setPath, type PathSegment } from '../data/value-path.js';
import type { SpecialNames } from '../feel/special-names.js';
import { computeExpressionField } from '../fields/expression-field.js';
import type { ValueContext } from '../fields/field-behaviour.js';
import type { FormData } from './form-data.js';
import { showForm, type ShownField, type ShownForm } from './shown-fields.js';

/** Enough for any chain of expressions and conditions a form author writes; a form that still changes stops here. */
const MAX_ROUNDS = 12;

export function settleForm(form: CompiledForm, formData: FormData, context: ValueContext, special: SpecialNames): ShownForm {
  const { data } = formData;
  let shown = showForm(form, data, context.initialData, special);
  for (let round = 1; round < MAX_ROUNDS; round++) {
    // every component acts on the same rendering; the changes apply together, as one round of form-js's effects
    const changes: Change[] = [];
    for (const instance of shown.fields) {
      const change = settleField(instance, formData, context);
      if (change !== undefined) changes.push(change);
    }
    if (changes.length === 0) break;
    for (const change of changes) setPath(data, change.instance.path, change.value);
    // values no FEEL reads cannot show or hide anything, nor change another field's options or computed value
    if (!changes.some((change) => feelMayRead(form, change.instance.path))) break;
    shown = showForm(form, data, context.initialData, special);
  }
  const computed = shown.fields
    .filter(({ field }) => field.expression?.computeOn === 'presubmit' && !field.disabled)
    .filter((instance) => !isReadonly(instance))
    .map((instance) => ({ instance, value: computeExpressionField(instance.field, instance.scope) }));
  for (const { instance, value } of computed) setPath(data, instance.path, value);
  return shown;
}

export function isReadonly({ field, scope }: ShownField): boolean {
  const { readonly } = field;
  return typeof readonly === 'boolean' ? readonly : readonly.test(scope.context(), scope.special) === true;
}

function feelMayRead(form: CompiledForm, path: readonly PathSegment[]): boolean {
  const { feelReads } = form;
  return feelReads === 'all' || path.some((segment) => typeof segment === 'string' && feelReads.has(segment));
}

interface Change {
  readonly instance: ShownField;
  readonly value: unknown;
}

function settleField(instance: ShownField, formData: FormData, context: ValueContext): Change | undefined {
  const { field, path, pointer, scope } = instance;
  if (field.disabled) return undefined;
  const value = getPath(formData.data, path);
  if (isReadonly(instance)) {
    if (!formData.submitted.has(pointer)) return undefined;
    formData.submitted.delete(pointer);
    formData.violations.delete(pointer);
    return changeTo(instance, value, valueWhenOpened(field, instance, context.initialData));
  }
  const settled = field.behaviour.settle?.(value, field, context, scope);
  if (settled === undefined) return undefined;
  const counts = settled.violation?.crashesFormJs === true || formData.submitted.has(pointer);
  if (settled.violation !== undefined && counts && !formData.violations.has(pointer)) {
    formData.violations.set(pointer, settled.violation);
  }
  return 'value' in settled ? changeTo(instance, value, settled.value) : undefined;
}

function changeTo(instance: ShownField, value: unknown, next: unknown): Change | undefined {
  return deepEqual(value, next) ? undefined : { instance, value: next };
}

/** The value the field had when the form opened, or when its list item was added. */
function valueWhenOpened(field: CompiledInput, instance: ShownField, initialData: JsonObject): unknown {
  const initial = getPath(initialData, instance.path);
  if (initial !== undefined) return cloneJson(initial);
  return field.defaultValue !== undefined ? cloneJson(field.defaultValue) : field.behaviour.emptyValue();
}
