/** Compiles a connector's JSON Schemas with ajv and words its complaints so that each names the field it is about. */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { JsonSchema } from './json-schema.js';

const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

/** One ajv for all connectors: formats (email, uri, date ...) and the `x-template` annotation keyword. */
function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-template', schemaType: 'object' });
  return ajv;
}

let shared: Ajv | undefined;

export type SchemaCheck = (value: unknown) => string[];

/** Compiles `schema`; the returned check fills in defaults and returns one message per problem (empty when valid). */
export function compileSchema(schema: JsonSchema, what: string): SchemaCheck {
  shared ??= createAjv();
  let validate: ValidateFunction;
  try {
    validate = shared.compile(schema);
  } catch (error) {
    throw new TypeError(`The ${what} schema is not a valid JSON Schema: ${(error as Error).message}`);
  }
  return (value) => (validate(value) ? [] : describeErrors(validate.errors ?? [], what));
}

function describeErrors(errors: ErrorObject[], what: string): string[] {
  const messages = errors
    // The branches of oneOf/anyOf/if each report; the summary error after them says it better.
    .filter((error) => !['if', 'oneOf', 'anyOf'].includes(error.keyword) || errors.length === 1)
    .map((error) => describeError(error, what));
  return [...new Set(messages)];
}

function describeError(error: ErrorObject, what: string): string {
  const path = fieldPath(error.instancePath);
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `${what} '${path === '' ? missing : `${path}.${missing}`}' is required`;
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return `${what} '${path === '' ? extra : `${path}.${extra}`}' is not allowed`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ');
    return `${what} '${path}' must be one of ${allowed}`;
  }
  return path === '' ? `${what} ${error.message ?? 'is invalid'}` : `${what} '${path}' ${error.message ?? 'is invalid'}`;
}

/** `/attachments/0/filename` → `attachments[0].filename` */
function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`), '');
}
