/** The errors of a settled form: per shown field the reason its submitted value was rejected, else form-js's rules. */
import type { CompiledInput } from '../compile/compiled-form.js';
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

// Module functions rather than closures in the hot path: tsx names every closure it creates, which costs.

export function collectErrors(shown: ShownForm, formData: FormData, locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  for (const container of shown.containers) {
    const key = container.node.schema.path ?? '';
    if (formData.violations.size > 0) {
      const violation = formData.violations.get(container.pointer);
      if (violation !== undefined) report(errors, locale, container.path, container.node.id, key, violation);
      for (let index = 0; index < container.items; index++) {
        const itemViolation = formData.violations.get(`${container.pointer}/${index}`);
        if (itemViolation !== undefined) report(errors, locale, [...container.path, index], container.node.id, key, itemViolation);
      }
    }
  }
  const anyViolation = formData.violations.size > 0;
  for (const { field, path, pointer, scope } of shown.fields) {
    if (field.disabled) continue;
    const violation: Violation | undefined = anyViolation ? formData.violations.get(pointer) : undefined;
    const violations = violation !== undefined ? [violation] : ruleViolations(field, getPath(formData.data, path), scope);
    for (const each of violations) report(errors, locale, path, field.id, field.key, each);
  }
  return errors;
}

function report(errors: FieldError[], locale: Locale, path: readonly PathSegment[], componentId: string, key: string, violation: RuleViolation): void {
  const message = violation.text ?? formatMessage(violation.code, violation.params, locale);
  errors.push({ path: formatPath(path), componentId, key, message, code: violation.code });
}

function ruleViolations(field: CompiledInput, value: unknown, scope: FieldScope): RuleViolation[] {
  const preset = validatePresetRules(evaluated(field, scope), value, field.type === 'checkbox');
  if (field.type !== 'number' || field.number === undefined) return preset;
  const numberViolations = validateNumberValue(field.number, value);
  return numberViolations.length === 0 ? preset : [...numberViolations, ...preset];
}

/** The field's rules with FEEL evaluated in its scope; a rule whose FEEL yields null does not apply. */
function evaluated(field: CompiledInput, scope: FieldScope): EvaluatedValidation {
  const { plain, feel } = field.validation;
  if (feel === undefined) return plain;
  const rules: Record<string, unknown> = { ...plain };
  for (const [bound, expression] of Object.entries(feel)) {
    const value = expression.evaluate(scope.context(), scope.special);
    if (value !== null && value !== undefined) rules[bound] = value;
  }
  return rules as unknown as EvaluatedValidation;
}
