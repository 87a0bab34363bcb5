/**
 * Expression field: its value is computed from the form's data, never taken from the submission. form-js computes
 * it once the field is shown (`computeOn: change`, again whenever the data changes) or when the form is submitted
 * (`presubmit`), and keeps the result as JSON. An `expression` without `=` is its own value.
 */
import type { CompiledInput } from '../compile/compiled-form.js';
import { cloneJson, deepEqual } from '../data/json-value.js';
import type { FieldBehaviour, FieldScope } from './field-behaviour.js';

export const expressionBehaviour: FieldBehaviour = {
  emptyValue: () => null,
  sanitize: (value) => value,
  submittedSchema: () => ({}),
  wrongTypeCode: () => 'invalidValue',
  settle(value, field, _context, scope) {
    if (field.expression?.computeOn !== 'change') return undefined;
    const computed = computeExpressionField(field, scope);
    return deepEqual(computed, value) ? undefined : { value: computed };
  },
};

export function computeExpressionField(field: CompiledInput, scope: FieldScope): unknown {
  const expression = field.expression?.value;
  if (expression === undefined) return null;
  return cloneJson('feel' in expression ? expression.feel.evaluate(scope.context(), scope.special) : expression.value);
}
