/**
 * Compiles a form schema once for many validations. The schema must pass `checkSchema`; a form with problems
 * cannot be compiled, so a form the validator cannot judge never gets validated.
 */
import { pointerOf } from '../data/value-path.js';
import { compileExpression, type CompiledExpression } from '../feel/compiled-expression.js';
import { dataNamesRead } from '../feel/feel-syntax.js';
import { compileUnaryTest, type CompiledUnaryTest } from '../feel/compiled-unary-test.js';
import { isPlainFeelName } from '../feel/special-names.js';
import { FIELD_BEHAVIOURS } from '../fields/behaviours.js';
import { optionValues } from '../fields/options.js';
import { toDecimal } from '../rules/decimal.js';
import type { EvaluatedValidation } from '../rules/field-rules.js';
import { checkSchema, FormSchemaError } from '../schema/check-schema.js';
import { componentKind, OPTION_TYPES, type InputType } from '../schema/component-types.js';
import type { FormComponent, FormSchema } from '../schema/form-schema.js';
import {
  DEFAULT_LIMITS, type CompiledForm, type CompiledGroup, type CompiledInput, type CompiledNode, type CompiledValidation,
  type DatetimeSettings, type FeelBound, type FeelOrValue, type Limits, type OptionSource,
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
    pointer: '',
    children: compileChildren(schema.components ?? [], '', specialNames),
  };
  return {
    schema,
    root,
    limits,
    shape: compileSubmissionShape(root, limits),
    specialNames: [...specialNames],
    bindingRoots: bindingRootsOf(root.children),
    feelReads: feelReadsOf(root),
  };
}

function bindingRootsOf(nodes: readonly CompiledNode[], roots = new Set<string>()): Set<string> {
  for (const node of nodes) {
    const path = node.kind === 'input' ? node.keyPath : node.path;
    if (path.length > 0) roots.add(path[0]);
    else if (node.kind === 'group') bindingRootsOf(node.children, roots);
  }
  return roots;
}

/** The data names all FEEL of the form reads (conditions, read-only tests, options, expressions, rule values). */
function feelReadsOf(root: CompiledGroup): ReadonlySet<string> | 'all' {
  const reads = new Set<string>();
  let all = false;
  const add = (source: string | undefined, kind: 'expression' | 'unaryTest') => {
    if (source === undefined || all) return;
    const names = dataNamesRead(source, kind);
    if (names === undefined) all = true;
    else names.forEach((name) => reads.add(name));
  };
  const feel = (property: FeelOrValue<unknown> | undefined) => add(property !== undefined && 'feel' in property ? property.feel.source : undefined, 'expression');
  const visit = (node: CompiledNode) => {
    add(node.hide?.source, 'unaryTest');
    if (node.kind !== 'input') return node.children.forEach(visit);
    if (typeof node.readonly !== 'boolean') add(node.readonly.source, 'unaryTest');
    Object.values(node.validation.feel ?? {}).forEach((expression) => add(expression.source, 'expression'));
    [node.file?.accept, node.file?.multiple, node.expression?.value].forEach(feel);
    if (node.options?.kind === 'expression') add(node.options.feel?.source, 'expression');
  };
  root.children.forEach(visit);
  return all ? 'all' : reads;
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
      return { ...base, kind: 'group', path, pointer: pointerOf(path), children: compileChildren(component.components ?? [], pointer, specialNames) };
    }
    case 'list': {
      const path = (component.path as string).split('.');
      remember(path);
      return {
        ...base,
        kind: 'list',
        path,
        pointer: pointerOf(path),
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

type ComponentBase = Pick<CompiledInput, 'id' | 'type' | 'schema' | 'hide'>;

function compileInput(component: FormComponent, base: ComponentBase, keyPath: string[]): CompiledInput {
  const type = component.type as InputType;
  const readonly = typeof component.readonly === 'string' && component.readonly.startsWith('=') ? compileUnaryTest(component.readonly.slice(1)) : Boolean(component.readonly);
  const disabled = Boolean(component.disabled);
  return {
    ...base,
    kind: 'input',
    key: component.key as string,
    keyPath,
    pointer: pointerOf(keyPath),
    behaviour: FIELD_BEHAVIOURS[type],
    readonly,
    disabled,
    editable: !disabled && readonly !== true && type !== 'expression',
    settles: FIELD_BEHAVIOURS[type].settle !== undefined || typeof readonly !== 'boolean',
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
  const plain: Record<string, unknown> = {
    required: Boolean(validate.required),
    pattern: validate.pattern ? new RegExp(validate.pattern) : undefined,
    patternText: validate.pattern || undefined,
    patternErrorMessage: typeof validate.patternErrorMessage === 'string' && validate.patternErrorMessage !== '' ? validate.patternErrorMessage : undefined,
    validationType: validate.validationType,
  };
  const feel: Partial<Record<FeelBound, CompiledExpression>> = {};
  for (const bound of ['min', 'max', 'minLength', 'maxLength'] as const) {
    const value = validate[bound];
    if (typeof value === 'string' && value.startsWith('=')) feel[bound] = compileExpression(value.slice(1));
    else if (value !== undefined && value !== null) plain[bound] = value;
  }
  return { plain: plain as unknown as EvaluatedValidation, feel: Object.keys(feel).length > 0 ? feel : undefined };
}

/** form-js's one placeholder option of a choice field without options (`createEmptyOptions`). */
const PLACEHOLDER_OPTIONS = [{ label: 'Value', value: 'value' }];

/** form-js's `getOptionsSource`; the schema check allows at most one source. */
function optionSource(component: FormComponent): OptionSource {
  if (component.valuesKey !== undefined) return { kind: 'input', key: component.valuesKey as string };
  if (component.values !== undefined) return staticOptions(component.values);
  if (component.valuesExpression !== undefined) {
    const raw = component.valuesExpression;
    return { kind: 'expression', raw, feel: typeof raw === 'string' && raw.startsWith('=') ? compileExpression(raw.slice(1)) : undefined };
  }
  return staticOptions(PLACEHOLDER_OPTIONS);
}

function staticOptions(values: unknown): OptionSource {
  return { kind: 'static', values, optionValues: Array.isArray(values) ? optionValues(values) : undefined };
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
