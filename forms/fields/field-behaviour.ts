/**
 * What each input type does with a value, one file per type: form-js's import sanitizing (`config.sanitizeValue`),
 * the JSON Schema a submitted value must fit, and what the type's component does once shown (option clean-up,
 * re-writing dates, computing expressions).
 */
import type { CompiledInput, Limits } from '../compile/compiled-form.js';
import type { JsonObject } from '../data/json-value.js';
import type { FeelContext } from '../feel/expression-context.js';
import type { SpecialNames } from '../feel/special-names.js';
import type { ErrorCode, MessageParams } from '../messages/messages.js';
import type { TimeZone } from './datetime/time-zone.js';

export interface Violation {
  readonly code: ErrorCode;
  readonly params?: MessageParams;
  /** form-js crashes on the value, wherever it came from (the input data too): always an error. */
  readonly crashesFormJs?: boolean;
}

/** A file the citizen uploaded with the submission, referenced by a file picker's value. */
export interface UploadedFile {
  readonly name: string;
  /** The MIME type, as the browser reported it. */
  readonly type?: string;
  readonly size?: number;
}

export interface ValueContext {
  /** The input data the form was opened with (after a JSON round trip, as form-js clones it). */
  readonly inputData: JsonObject;
  /** form-js's `initialData`: the input data with every field initialised; `valuesKey` options come from here. */
  readonly initialData: JsonObject;
  readonly files: ReadonlyMap<string, readonly UploadedFile[]>;
  readonly zone: TimeZone;
  readonly now: number;
}

/** The FEEL scope of a shown field (its local context), built when first needed. */
export interface FieldScope {
  context(): FeelContext;
  readonly special: SpecialNames;
}

/** The outcome of a shown field settling: the value form-js would hold instead, and/or why we reject it. */
export interface Settled {
  readonly value?: unknown;
  readonly violation?: Violation;
}

export interface FieldBehaviour {
  /** form-js's `config.emptyValue`. */
  emptyValue(): unknown;
  /** form-js's `config.sanitizeValue`, applied to any value found in the data when the form is opened. */
  sanitize(value: unknown, field: CompiledInput, context: ValueContext): unknown;
  /** JSON Schema for a submitted value: its types and sizes. Semantic checks come in `review` and `settle`. */
  submittedSchema(field: CompiledInput, limits: Limits): object;
  /** The error for a submitted value that does not fit `submittedSchema` by type. */
  wrongTypeCode(value: unknown): ErrorCode;
  /** Why a submitted value that fits the schema is rejected once sanitized (form-js would silently change it). */
  review?(submitted: unknown, sanitized: unknown, field: CompiledInput, context: ValueContext): Violation | undefined;
  /** The field shown and editable: what its component does to the value; undefined when it leaves it alone. */
  settle?(value: unknown, field: CompiledInput, context: ValueContext, scope: FieldScope): Settled | undefined;
}
