/**
 * The check before a task's data is sent: `forms/`'s `validateSubmission`, the validator the server applies. It
 * compiles part of each form with ajv, which generates code (`new Function`), and the staff app's CSP forbids
 * evaluated script; there the check falls back to form-js's own rules (English messages) and the server, which
 * validates with `forms/` in any case, has the last word (its field errors come back to their fields).
 */
import { validateSubmission, type FormSchema } from '../../../../../../forms/index.js';
import { fromFormJs, fromValidator, type FormFieldProblem } from './form-field-errors.js';

let formsValidatorRuns = true;

export interface BrowserCheck {
  schema: Record<string, unknown>;
  data: Record<string, unknown>;
  variables: Record<string, unknown>;
  locale: string;
  /** form-js's verdict on the same data (`Form.submit().errors`). */
  formJsErrors: Record<string, unknown>;
}

export function checkInBrowser({ schema, data, variables, locale, formJsErrors }: BrowserCheck): FormFieldProblem[] {
  if (formsValidatorRuns) {
    try {
      return fromValidator(validateSubmission(schema as unknown as FormSchema, data, { data: variables, locale }).errors);
    } catch (error) {
      if (!(error instanceof EvalError)) throw error;
      formsValidatorRuns = false;
    }
  }
  return fromFormJs(formJsErrors);
}
