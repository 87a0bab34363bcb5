/** The errors of a settled form: per shown field the reason its submitted value was rejected, else form-js's rules. */
import type { CompiledInput, FeelOrValue } from '../compile/compiled-form.js';
import { getPath, type PathSegment } from '../data/value-path.js';
import type { FieldScope, Violation } from '../fields/field-behaviour.js';
import { formatMessage, type ErrorCode, type Locale } from '../messages/messages.js';
import { validateNumberValue, validatePresetRules, type EvaluatedValidation, type RuleViolation } from '../rules/field-rules.js';
import { formatPath } from '../data/value-path.js';
import type { FormData } from './form-data.js';
import type { ShownForm } from './shown-fields.js';

export interface FieldError {
  /** Where the value is in the submission: `owner.email`, `dogs[1].breed`; empty for the submission itself. */
  readonly path: string;
  /** The component's `id` (or its place in the schema, `/components/3`, where it has none). */
  readonly componentId: string;
  /** The component's `key`, or the `path` of a group or dynamic list. */
  readonly key: string;
  readonly message: string;
  /** What was violated, for code that reacts to errors: form-js's rules (`required`, `min`, ...) and ours. */
  readonly code: ErrorCode;
}

export function collectErrors(shown: ShownForm, formData: FormData, locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  const report = (path: readonly PathSegment[], componentId: string, key: string, violation: RuleViolation) => {
    const message = violation.text ?? formatMessage(violation.code, violation.params, locale);
    errors.push({ path: formatPath(path), componentId, key, message, code: violation.code });
  };
  for (const container of shown.containers) {
    const key = container.node.schema.path ?? '';
    const violation = formData.violations.get(container.pointer);
    if (violation !== undefined) report(container.path, container.node.id, key, violation);
    for (let index = 0; index < container.items; index++) {
      const itemViolation = formData.violations.get(`${container.pointer}/${index}`);
      if (itemViolation !== undefined) report([...container.path, index], container.node.id, key, itemViolation);
    }
  }
  for (const { field, path, pointer, scope } of shown.fields) {
    if (field.disabled) continue;
    const violation: Violation | undefined = formData.violations.get(pointer);
    const violations = violation !== undefined ? [violation] : ruleViolations(field, getPath(formData.data, path), scope);
    for (const each of violations) report(path, field.id, field.key, each);
  }
  return errors;
}

function ruleViolations(field: CompiledInput, value: unknown, scope: FieldScope): RuleViolation[] {
  const numberViolations = field.type === 'number' && field.number ? validateNumberValue(field.number, value) : [];
  return [...numberViolations, ...validatePresetRules(evaluated(field, scope), value, field.type === 'checkbox')];
}

function evaluated(field: CompiledInput, scope: FieldScope): EvaluatedValidation {
  const { validation } = field;
  const bound = (property: FeelOrValue<unknown> | undefined): unknown => {
    if (property === undefined) return undefined;
    const value = 'feel' in property ? property.feel.evaluate(scope.context(), scope.special) : property.value;
    return value === null ? undefined : value;
  };
  return {
    required: validation.required,
    pattern: validation.pattern,
    patternText: validation.patternText,
    patternErrorMessage: validation.patternErrorMessage,
    validationType: validation.validationType,
    min: bound(validation.min),
    max: bound(validation.max),
    minLength: bound(validation.minLength),
    maxLength: bound(validation.maxLength),
  };
}
