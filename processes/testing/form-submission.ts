/** Data through a form the way the server passes it on: validated and cleaned by forms/ (`validateSubmission`). */
import { validateSubmission, type FormSchema, type UploadedFile } from '../../forms/index.js';

/** The deployed forms, by the key the engine gave them (a user task's form key) and by their id. */
export interface DeployedForms {
  byKey: Map<string, FormSchema>;
  byId: Map<string, FormSchema>;
}

/** The form's cleaned data, as the server would pass it on; throws with the field errors when the form refuses it. */
export function submittedThrough(
  schema: FormSchema, submitted: Record<string, unknown>, data: Record<string, unknown> = {}, files: Record<string, UploadedFile[]> = {},
): Record<string, unknown> {
  const { data: cleaned, errors } = validateSubmission(schema, submitted, { data, files });
  if (errors.length > 0) throw new Error(`Form '${String((schema as { id?: string }).id)}' refuses the data: ${errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`);
  return cleaned;
}
