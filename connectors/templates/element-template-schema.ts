/** Checks element templates against Camunda's published JSON Schema for Zeebe element templates (the npm package). */
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

let validate: ValidateFunction | undefined;

/** The schema's complaints about `template`, empty when it is valid. */
export function elementTemplateProblems(template: unknown): string[] {
  if (!validate) {
    const require = createRequire(import.meta.url);
    const schema = require('@camunda/zeebe-element-templates-json-schema/resources/schema.json') as object;
    // The schema uses annotation keywords of its own (deprecationWarning ...), which strict mode would reject.
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validate(template) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'} (${error.schemaPath})`);
}
