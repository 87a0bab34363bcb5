/**
 * Compiles a form schema once for many validations. The schema must pass `checkSchema`; a form with problems
 * cannot be compiled, so a form the validator cannot judge never gets validated.
 */
import { compileExpression } from '../feel/compiled-expression.js';
import { compileUnaryTest, type CompiledUnaryTest } from '../feel/compiled-unary-test.js';
import { isPlainFeelName } from '../feel/special-names.js';
import { FIELD_BEHAVIOURS } from '../fields/behaviours.js';
import { toDecimal } from '../rules/decimal.js';
import { checkSchema, FormSchemaError } from '../schema/check-schema.js';
import { componentKind, OPTION_TYPES, type InputType } from '../schema/component-types.js';
import type { FormComponent, FormSchema } from '../schema/form-schema.js';
import {
  DEFAULT_LIMITS, type CompiledForm, type CompiledGroup, type CompiledInput, type CompiledNode, type CompiledValidation,
  type DatetimeSettings, type FeelOrValue, type Limits, type OptionSource,
} from './compiled-form.js';
import { compileSubmissionShape } from './submission-shape.js';

export interface CompileOptions {
  readonly limits?: Partial<Limits>;
}

export function compileForm(schema: FormSchema, options: CompileOptions = {}): CompiledForm {
  const problems = checkSchema(schema);
  if (problems.length > 0) throw new FormSchemaError(problems);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const specialNames = new Set<string>();
  const root: CompiledGroup = {
    kind: 'group',
    id: typeof schema.id === 'string' ? schema.id : '',
    type: 'default',
    schema: schema as FormComponent,
    path: [],
    children: compileChildren(schema.components ?? [], '', specialNames),
  };
  return { schema, root, limits, shape: compileSubmissionShape(root, limits), specialNames: [...specialNames] };
}

function compileChildren(components: readonly FormComponent[], pointer: string, specialNames: Set<string>): CompiledNode[] {
  const nodes: CompiledNode[] = [];
  components.forEach((component, index) => {
    const node = compileComponent(component, `${pointer}/components/${index}`, specialNames);
    if (node !== undefined) nodes.push(node);
  });
  return nodes;
}

function compileComponent(component: FormComponent, pointer: string, specialNames: Set<string>): CompiledNode | undefined {
  const base = {
    id: typeof component.id === 'string' && component.id !== '' ? component.id : pointer,
    type: component.type,
    schema: component,
    hide: feelTest(component.conditional?.hide),
  };
  const remember = (path: readonly string[]) => path.forEach((name) => isPlainFeelName(name) || specialNames.add(name));
  switch (componentKind(component.type)) {
    case 'group': {
      const path = component.path ? component.path.split('.') : [];
      remember(path);
      return { ...base, kind: 'group', path, children: compileChildren(component.components ?? [], pointer, specialNames) };
    }
    case 'list': {
      const path = (component.path as string).split('.');
      remember(path);
      return {
        ...base,
        kind: 'list',
        path,
        children: compileChildren(component.components ?? [], pointer, specialNames),
        defaultRepetitions: component.defaultRepetitions ?? 1,
        allowAddRemove: component.allowAddRemove === true,
      };
    }
    case 'input': {
      const keyPath = (component.key as string).split('.');
      remember(keyPath);
      return compileInput(component, base, keyPath);
    }
    default:
      return undefined;
  }
}

function compileInput(component: FormComponent, base: Omit<CompiledInput, 'kind' | 'key' | 'keyPath' | 'behaviour' | 'readonly' | 'disabled' | 'editable' | 'defaultValue' | 'validation'>, keyPath: string[]): CompiledInput {
  const type = component.type as InputType;
  const readonly = typeof component.readonly === 'string' && component.readonly.startsWith('=') ? compileUnaryTest(component.readonly.slice(1)) : Boolean(component.readonly);
  const disabled = Boolean(component.disabled);
  return {
    ...base,
    kind: 'input',
    key: component.key as string,
    keyPath,
    behaviour: FIELD_BEHAVIOURS[type],
    readonly,
    disabled,
    editable: !disabled && readonly !== true && type !== 'expression',
    defaultValue: component.defaultValue,
    validation: compileValidation(component),
    options: OPTION_TYPES.has(type) ? optionSource(component) : undefined,
    number: type === 'number' ? numberSettings(component) : undefined,
    datetime: type === 'datetime' ? datetimeSettings(component) : undefined,
    file: type === 'filepicker' ? { accept: feelOrValue(component.accept), multiple: feelOrValue(component.multiple ?? false) } : undefined,
    expression: type === 'expression' ? { value: feelOrValue(component.expression), computeOn: component.computeOn ?? 'change' } : undefined,
  };
}

function feelTest(source: unknown): CompiledUnaryTest | undefined {
  return typeof source === 'string' && source.startsWith('=') ? compileUnaryTest(source.slice(1)) : undefined;
}

function feelOrValue<T>(value: T): FeelOrValue<T> {
  return typeof value === 'string' && value.startsWith('=') ? { feel: compileExpression(value.slice(1)) } : { value };
}

function compileValidation(component: FormComponent): CompiledValidation {
  const validate = component.validate ?? {};
  const bound = (name: 'min' | 'max' | 'minLength' | 'maxLength') =>
    validate[name] === undefined || validate[name] === null ? undefined : feelOrValue<unknown>(validate[name]);
  return {
    required: Boolean(validate.required),
    pattern: validate.pattern ? new RegExp(validate.pattern) : undefined,
    patternText: validate.pattern || undefined,
    patternErrorMessage: typeof validate.patternErrorMessage === 'string' && validate.patternErrorMessage !== '' ? validate.patternErrorMessage : undefined,
    validationType: validate.validationType,
    min: bound('min'),
    max: bound('max'),
    minLength: bound('minLength'),
    maxLength: bound('maxLength'),
  };
}

/** form-js's one placeholder option of a choice field without options (`createEmptyOptions`). */
const PLACEHOLDER_OPTIONS = [{ label: 'Value', value: 'value' }];

/** form-js's `getOptionsSource`; the schema check allows at most one source. */
function optionSource(component: FormComponent): OptionSource {
  if (component.valuesKey !== undefined) return { kind: 'input', key: component.valuesKey as string };
  if (component.values !== undefined) return { kind: 'static', values: component.values };
  if (component.valuesExpression !== undefined) {
    const raw = component.valuesExpression;
    return { kind: 'expression', raw, feel: typeof raw === 'string' && raw.startsWith('=') ? compileExpression(raw.slice(1)) : undefined };
  }
  return { kind: 'static', values: PLACEHOLDER_OPTIONS };
}

function numberSettings(component: FormComponent) {
  const increment = component.increment ? toDecimal(component.increment) : undefined;
  return { decimalDigits: component.decimalDigits, increment, serializeToString: component.serializeToString === true };
}

const TIME_INTERVALS = new Set([1, 5, 10, 15, 30, 60]);

function datetimeSettings(component: FormComponent): DatetimeSettings {
  return {
    subtype: component.subtype ?? 'date',
    format: component.timeSerializingFormat,
    interval: TIME_INTERVALS.has(component.timeInterval as number) ? (component.timeInterval as number) : 15,
    disallowPassedDates: component.disallowPassedDates === true,
  };
}
