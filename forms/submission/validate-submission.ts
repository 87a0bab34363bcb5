/**
 * The submission validator: the verdict form-js's viewer gives on a form filled in with the submission, for
 * browser and server alike. See `forms/README.md` for the semantics.
 */
import { compileForm } from '../compile/compile-form.js';
import type { CompiledForm } from '../compile/compiled-form.js';
import { cloneJson, isJsonData, isPlainObject, type JsonObject } from '../data/json-value.js';
import { getPath, setPath } from '../data/value-path.js';
import { collectSpecialNames, NO_SPECIAL_NAMES, specialNamesOf } from '../feel/special-names.js';
import { runtimeTimeZoneName, timeZoneNamed } from '../fields/datetime/time-zone.js';
import type { UploadedFile, ValueContext } from '../fields/field-behaviour.js';
import { formatMessage, localeOf } from '../messages/messages.js';
import type { FormSchema } from '../schema/form-schema.js';
import { collectErrors, type FieldError } from './field-errors.js';
import { buildFormData, type FormData } from './form-data.js';
import { settleForm } from './settle-fields.js';
import type { ShownForm } from './shown-fields.js';

export interface ValidateOptions {
  /**
   * The data the form was opened with (process variables, data the portal filled in): it feeds `valuesKey`
   * options, conditions, expressions and the values of fields the submission leaves out or cannot change.
   */
  readonly data?: Record<string, unknown>;
  /** `de` (the default) or `en`; `de-DE`, `en-GB` and the like work too. */
  readonly locale?: string;
  /** The files uploaded with the submission, by the key a file picker's value names. */
  readonly files?: Readonly<Record<string, readonly UploadedFile[]>> | ReadonlyMap<string, readonly UploadedFile[]>;
  /** The IANA zone the citizen's browser is in; date and time values are read and written in it. Default: the runtime's. */
  readonly timeZone?: string;
  /** The moment of submission (today's date, the time zone offset of today). Default: now. */
  readonly now?: Date | number;
  /** Identifies the form version for the cache of compiled forms, when the schema is parsed anew for each call. */
  readonly cacheKey?: string;
}

export interface SubmissionResult {
  /** The data the form submits: shown, enabled fields only, sanitized, computed and normalised as form-js does. */
  readonly data: JsonObject;
  /** Empty when the submission is valid. */
  readonly errors: FieldError[];
}

const compiledBySchema = new WeakMap<object, CompiledForm>();
const compiledByKey = new Map<string, CompiledForm>();
const KEY_CACHE_LIMIT = 256;

/** The compiled form of a schema, compiled once per schema object (or per `cacheKey`). Throws `FormSchemaError`. */
export function compiledFormFor(schema: FormSchema | CompiledForm, cacheKey?: string): CompiledForm {
  if (isCompiledForm(schema)) return schema;
  let compiled = compiledBySchema.get(schema) ?? (cacheKey === undefined ? undefined : compiledByKey.get(cacheKey));
  if (compiled === undefined) {
    compiled = compileForm(schema);
    if (cacheKey !== undefined) {
      if (compiledByKey.size >= KEY_CACHE_LIMIT) compiledByKey.delete(compiledByKey.keys().next().value!);
      compiledByKey.set(cacheKey, compiled);
    }
  }
  compiledBySchema.set(schema, compiled);
  return compiled;
}

function isCompiledForm(value: FormSchema | CompiledForm): value is CompiledForm {
  return 'root' in value && 'shape' in value && typeof (value as CompiledForm).shape?.check === 'function';
}

export function validateSubmission(schema: FormSchema | CompiledForm, submission: unknown, options: ValidateOptions = {}): SubmissionResult {
  const form = compiledFormFor(schema, options.cacheKey);
  const locale = localeOf(options.locale);
  // form-js takes the input data through JSON; data that already is JSON is read as it is (and never changed)
  const input: JsonObject = !isPlainObject(options.data) ? {} : isJsonData(options.data) ? options.data : cloneJson(options.data);
  const special = new Set<string>();
  collectSpecialNames(input, special);
  const specialNames = special.size === 0 && form.specialNames.length === 0 ? NO_SPECIAL_NAMES : specialNamesOf([...form.specialNames, ...special]);
  const context: ValueContext = {
    inputData: input,
    initialData: {},
    files: filesOf(options.files),
    zone: timeZoneNamed(options.timeZone ?? runtimeTimeZoneName()),
    now: options.now === undefined ? Date.now() : Number(options.now),
  };
  const initial = openedWith(form, input, context);
  const opened: ValueContext = { ...context, initialData: initial.data };
  const isObject = isPlainObject(submission);
  const formData = buildFormData(form, input, isObject ? submission : {}, isObject ? form.shape.check(submission) : new Map(), opened);
  // input data of a shape form-js cannot even open the form with
  for (const [pointer, violation] of initial.violations) if (!formData.violations.has(pointer)) formData.violations.set(pointer, violation);
  const shown = settleForm(form, formData, opened, specialNames);
  const errors = collectErrors(shown, formData, locale);
  if (!isObject) {
    errors.unshift({ path: '', componentId: form.root.id, key: '', message: formatMessage('submissionNotObject', undefined, locale), code: 'submissionNotObject' });
  }
  return { data: submittedData(shown, formData.data), errors };
}

const emptyInitialData = new WeakMap<CompiledForm, JsonObject>();

/** form-js's `initialData`; for input data that holds no field's value, the form's empty data and the input data. */
function openedWith(form: CompiledForm, input: JsonObject, context: ValueContext): FormData {
  if (Object.keys(input).some((key) => form.bindingRoots.has(key))) return buildFormData(form, input, undefined, new Map(), context);
  let empty = emptyInitialData.get(form);
  if (empty === undefined) {
    empty = buildFormData(form, {}, undefined, new Map(), context).data;
    emptyInitialData.set(form, empty);
  }
  return { data: Object.assign({}, empty, input), submitted: new Set(), violations: new Map() };
}

/** form-js's `_getSubmitData`: the value of every shown field that is not disabled, at its path. */
function submittedData(shown: ShownForm, data: JsonObject): JsonObject {
  const submitted: JsonObject = {};
  for (const { field, path } of shown.fields) {
    if (!field.disabled) setPath(submitted, path, getPath(data, path));
  }
  return submitted;
}

const NO_FILES: ReadonlyMap<string, readonly UploadedFile[]> = new Map();

function filesOf(files: ValidateOptions['files']): ReadonlyMap<string, readonly UploadedFile[]> {
  if (files === undefined) return NO_FILES;
  if (files instanceof Map) return files;
  return new Map(Object.entries(files as Record<string, readonly UploadedFile[]>));
}
