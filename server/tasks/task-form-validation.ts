/**
 * The one place the task list asks `forms/` for a verdict on a clerk's submission: the data the form submits
 * (cleaned: shown, enabled fields only, sanitized as form-js does) and its field errors as problem+json field errors.
 */
import { FormSchemaError, validateSubmission, type FieldError as FormFieldError, type FormSchema, type UploadedFile } from '../../forms/index.js';
import { HttpProblem, problemType, type FieldError } from '../http/problem.js';

export interface TaskFieldError extends FieldError {
  /** The field's place in the form data as `forms/` names it: `owner.email`, `dogs[1].breed`. */
  path: string;
  /** What was violated: `required`, `pattern`, `email`, ... */
  code: string;
  /** The form component's id and key, as `forms/` reports them. */
  componentId: string;
  key: string;
  /** The same as `detail`, under the name form clients use. */
  message: string;
}

export type FormVerdict =
  | { valid: true; data: Record<string, unknown> }
  | { valid: false; errors: TaskFieldError[] }
  /** The form itself cannot be judged (a schema `forms/` refuses). */
  | { valid: 'unjudgeable'; reason: string };

export interface FormValidationInput {
  schema: Record<string, unknown>;
  /** Identifies this form version, for the cache of compiled forms. */
  cacheKey: string;
  /** What the clerk submitted under `data`. */
  submitted: unknown;
  /** The process variables the task was opened with: conditions, expressions and untouched fields read them. */
  variables: Record<string, unknown>;
  locale?: string;
  /** Files uploaded with the submission, by the key a file picker's value names (the citizen portal's). */
  files?: ReadonlyMap<string, readonly UploadedFile[]>;
}

/** The validation call, replaceable for tests of the routes around it. */
export type TaskFormValidator = (input: FormValidationInput) => FormVerdict;

/**
 * Dates and times are read in the server's zone, as `forms/` does by default; named once here, because asking Intl
 * for it costs a quarter of a millisecond each time, a noticeable part of a submission.
 */
const SERVER_TIME_ZONE = new Intl.DateTimeFormat().resolvedOptions().timeZone;

export const validateTaskForm: TaskFormValidator = ({ schema, cacheKey, submitted, variables, locale, files }) => {
  let result;
  try {
    result = validateSubmission(schema as unknown as FormSchema, submitted, { data: variables, cacheKey, locale, files, timeZone: SERVER_TIME_ZONE });
  } catch (error) {
    if (error instanceof FormSchemaError) return { valid: 'unjudgeable', reason: error.message };
    throw error;
  }
  if (result.errors.length === 0) return { valid: true, data: result.data };
  return { valid: false, errors: result.errors.map(toTaskFieldError) };
};

function toTaskFieldError(error: FormFieldError): TaskFieldError {
  return {
    pointer: `/data${pointerOf(error.path)}`, detail: error.message, path: error.path, code: error.code,
    componentId: error.componentId, key: error.key, message: error.message,
  };
}

/** `dogs[1].breed` → `/dogs/1/breed` (form-js keys hold no dots: a dot in a key is a path). */
export function pointerOf(path: string): string {
  if (path === '') return '';
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/** 422 `form-invalid`: the data does not fill in the form correctly, with a field error per violation. */
export function formInvalidProblem(errors: TaskFieldError[]): HttpProblem {
  return new HttpProblem(422, { type: problemType('form-invalid'), title: 'Invalid form data', detail: 'The data does not fill in the form correctly.', errors });
}
