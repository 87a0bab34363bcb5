/**
 * forms/: form-js schemas checked and submissions validated, the same code in the browser and in Node.
 *
 * - `checkSchema(schema)`: why the validator cannot judge a form (empty when it can); publish only forms without.
 * - `validateSubmission(schema, data, options)`: the data the form submits and the errors, as form-js decides them.
 * - `compileForm(schema)`: the compiled form, to hold on to; `validateSubmission` also accepts it.
 */
export { checkSchema, FormSchemaError, type SchemaProblem } from './schema/check-schema.js';
export type { FormComponent, FormSchema, FieldValidation } from './schema/form-schema.js';
export { compileForm, type CompileOptions } from './compile/compile-form.js';
export { DEFAULT_LIMITS, type CompiledForm, type Limits } from './compile/compiled-form.js';
export { validateSubmission, type SubmissionResult, type ValidateOptions } from './submission/validate-submission.js';
export type { FieldError } from './submission/field-errors.js';
export type { UploadedFile } from './fields/field-behaviour.js';
export type { ErrorCode, Locale } from './messages/messages.js';
