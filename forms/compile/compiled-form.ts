/** A form schema compiled once for many validations: its components with their FEEL compiled and paths split. */
import type { CompiledExpression } from '../feel/compiled-expression.js';
import type { CompiledUnaryTest } from '../feel/compiled-unary-test.js';
import type { FieldBehaviour } from '../fields/field-behaviour.js';
import type { TimeFormat } from '../fields/datetime/datetime-text.js';
import type { Decimal } from '../rules/decimal.js';
import type { EvaluatedValidation } from '../rules/field-rules.js';
import type { FormComponent, FormSchema } from '../schema/form-schema.js';
import type { SubmissionShape } from './submission-shape.js';

/** A property that is either a FEEL expression or a plain value. */
export type FeelOrValue<T> = { readonly feel: CompiledExpression } | { readonly value: T };

export interface Limits {
  /** Longest text a field accepts, in UTF-16 units. */
  readonly maxTextLength: number;
  /** Most items of a dynamic list or values of a checklist or taglist. */
  readonly maxItems: number;
}

export const DEFAULT_LIMITS: Limits = { maxTextLength: 100_000, maxItems: 1_000 };

interface CompiledComponent {
  /** The component's `id`, or where it stands in the schema (`/components/2`) when it has none. */
  readonly id: string;
  readonly type: string;
  readonly hide?: CompiledUnaryTest;
  readonly schema: FormComponent;
}

export interface CompiledGroup extends CompiledComponent {
  readonly kind: 'group';
  /** Empty for a group without a path and for the form itself. */
  readonly path: readonly string[];
  /** `path` as a JSON pointer, relative to the enclosing scope. */
  readonly pointer: string;
  readonly children: readonly CompiledNode[];
}

export interface CompiledList extends CompiledComponent {
  readonly kind: 'list';
  readonly path: readonly string[];
  /** `path` as a JSON pointer, relative to the enclosing scope. */
  readonly pointer: string;
  readonly children: readonly CompiledNode[];
  readonly defaultRepetitions: number;
  /** Without it the citizen cannot add or remove items. */
  readonly allowAddRemove: boolean;
}

export interface CompiledInput extends CompiledComponent {
  readonly kind: 'input';
  readonly key: string;
  readonly keyPath: readonly string[];
  /** `keyPath` as a JSON pointer, relative to the enclosing scope. */
  readonly pointer: string;
  readonly behaviour: FieldBehaviour;
  readonly readonly: boolean | CompiledUnaryTest;
  readonly disabled: boolean;
  /** Whether a citizen can ever set the value (not disabled, not always read-only, not computed). */
  readonly editable: boolean;
  /** Whether something happens to the value once the field is shown (its type settles it, or it may turn read-only). */
  readonly settles: boolean;
  readonly defaultValue: unknown;
  readonly validation: CompiledValidation;
  readonly options?: OptionSource;
  readonly number?: NumberSettings;
  readonly datetime?: DatetimeSettings;
  readonly file?: FileSettings;
  readonly expression?: ExpressionSettings;
}

export type CompiledNode = CompiledGroup | CompiledList | CompiledInput;

export interface CompiledValidation {
  /** The rules with their plain values; a bound given in FEEL is missing here. */
  readonly plain: EvaluatedValidation;
  /** The bounds given in FEEL, evaluated in the field's scope for each validation. */
  readonly feel?: Partial<Record<FeelBound, CompiledExpression>>;
}

export type FeelBound = 'min' | 'max' | 'minLength' | 'maxLength';

/** Where a select, radio, checklist or taglist takes its options from (form-js `getOptionsSource`). */
export type OptionSource =
  /** `optionValues`: the values of `values` as form-js keeps them, or undefined where `values` is no list. */
  | { readonly kind: 'static'; readonly values: unknown; readonly optionValues?: readonly unknown[] }
  | { readonly kind: 'input'; readonly key: string }
  | { readonly kind: 'expression'; readonly feel?: CompiledExpression; readonly raw: unknown };

export interface NumberSettings {
  readonly decimalDigits?: unknown;
  readonly increment?: Decimal;
  readonly serializeToString: boolean;
}

export interface DatetimeSettings {
  readonly subtype: 'date' | 'time' | 'datetime';
  readonly format?: TimeFormat;
  /** form-js's `safeTimeInterval`: one of 1, 5, 10, 15, 30, 60 minutes, else 15. */
  readonly interval: number;
  readonly disallowPassedDates: boolean;
}

export interface FileSettings {
  readonly accept: FeelOrValue<unknown>;
  readonly multiple: FeelOrValue<unknown>;
}

export interface ExpressionSettings {
  readonly value: FeelOrValue<unknown>;
  readonly computeOn: 'change' | 'presubmit';
}

export interface CompiledForm {
  readonly schema: FormSchema;
  readonly root: CompiledGroup;
  readonly limits: Limits;
  readonly shape: SubmissionShape;
  /** Binding names of the form that FEEL can read only with the parser's help (`first name`). */
  readonly specialNames: readonly string[];
  /** The first segment of every binding path (`owner` for `owner.email`). */
  readonly bindingRoots: ReadonlySet<string>;
  /** Every data name the form's FEEL reads; `all` where that cannot be told. A change elsewhere shows or hides nothing. */
  readonly feelReads: ReadonlySet<string> | 'all';
}
