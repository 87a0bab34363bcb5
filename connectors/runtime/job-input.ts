/**
 * Assembles a connector's input from a job: `input`-bound properties from the job's variables (local variables the
 * element template's `zeebe:input` mappings created), `header`-bound ones from its custom headers. Secrets are resolved
 * in the properties declared `secret`; then the input schema is checked.
 */
import type { Connector } from '../sdk/define-connector.js';
import { PermanentFailure } from '../sdk/connector-error.js';
import type { JsonSchema } from '../sdk/json-schema.js';
import { resolveSecretPlaceholders, type SecretProvider, type SecretRedactor } from '../sdk/secrets.js';

export class InvalidInputError extends PermanentFailure {
  override name = 'InvalidInputError';

  constructor(connectorType: string, readonly problems: string[]) {
    super(`Invalid input for connector '${connectorType}': ${problems.join('; ')}`);
  }
}

export interface JobInputSource {
  variables: Record<string, unknown>;
  customHeaders: Record<string, string>;
}

/** The names of the variables a worker fetches for this connector. */
export function inputVariableNames(connector: Connector): string[] {
  return Object.entries(connector.input.properties)
    .filter(([, schema]) => schema['x-template']?.binding !== 'header')
    .map(([name]) => name);
}

export async function assembleInput(connector: Connector, job: JobInputSource, secrets: SecretProvider, redactor: SecretRedactor): Promise<unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(connector.input.properties)) {
    const hints = schema['x-template'] ?? {};
    const raw = hints.binding === 'header' ? headerValue(job.customHeaders[name], schema) : job.variables[name];
    // An empty template field maps to null; it means "not given", so that `required` and defaults apply.
    if (raw === undefined || raw === null) continue;
    input[name] = hints.secret ? await resolveSecretPlaceholders(raw, secrets, redactor, name) : raw;
  }
  const problems = connector.checkInput(input);
  if (problems.length > 0) throw new InvalidInputError(connector.type, problems.map((problem) => redactor.redact(problem)));
  return input;
}

/** Task headers are strings; booleans and numbers are read back into their schema type. */
function headerValue(raw: string | undefined, schema: JsonSchema): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (schema.type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  if ((schema.type === 'number' || schema.type === 'integer') && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}
