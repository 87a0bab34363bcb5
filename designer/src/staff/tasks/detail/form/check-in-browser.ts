/**
 * The check before a task's data is sent: `forms/`'s `validateSubmission`, the validator the server applies, so the
 * clerk sees the verdict the server would give, in the app's language, without a round trip.
 */
import { validateSubmission, type FormSchema } from '../../../../../../forms/index.js';
import { fromValidator, type FormFieldProblem } from '../../../../shared/forms/form-field-errors.js';

export interface BrowserCheck {
  schema: Record<string, unknown>;
  data: Record<string, unknown>;
  variables: Record<string, unknown>;
  locale: string;
}

export function checkInBrowser({ schema, data, variables, locale }: BrowserCheck): FormFieldProblem[] {
  return fromValidator(validateSubmission(schema as unknown as FormSchema, data, { data: variables, locale }).errors);
}
