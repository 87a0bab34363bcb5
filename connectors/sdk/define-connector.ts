/**
 * `defineConnector` turns a declaration into a `Connector`: it checks the declaration once, at definition time (a
 * mistake fails at start, not on the first job), and compiles the input and output schemas.
 */
import type { Logger } from 'pino';
import type { DocumentStore } from './documents.js';
import type { InputSchema, JsonSchema, TemplateHints } from './json-schema.js';
import type { MessagePublisher } from './messages.js';
import { compileSchema, type SchemaCheck } from './schema-validator.js';

/** The job a connector works on, as the engine handed it out. */
export interface ConnectorJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  elementId: string;
  elementInstanceKey: string;
  /** Retries left, including this attempt. */
  retries: number;
  /** 1 on the first attempt, counting failures of earlier attempts. */
  attempt: number;
  customHeaders: Record<string, string>;
}

/** What `run` is given besides its input. It is a `MessagePublisher` itself, so it can be handed to a service. */
export interface ConnectorContext extends MessagePublisher {
  job: ConnectorJob;
  /** A pino logger whose lines carry the connector type, job key and process instance key. */
  logger: Logger;
  /** Aborted when the runtime shuts down and the grace period is over; stop, the job is handed back. */
  signal: AbortSignal;
  documents: DocumentStore;
  /** Reads a secret (e.g. a password the connector needs itself); it is cut out of error messages and logs. */
  secret(name: string): Promise<string>;
}

export interface ConnectorErrorDeclaration {
  /** The BPMN error code a `ConnectorError` is thrown with; error boundary events catch it by this code. */
  code: string;
  description: string;
}

export interface TemplateGroup {
  id: string;
  label: string;
}

export interface ConnectorDeclaration<Input, Output> {
  /** The job type, also the element template id: `amtsflow:mail:1`. Change the trailing version when inputs break. */
  type: string;
  name: string;
  description: string;
  /** Element template version; raise it when the template changes. Default 1. */
  version?: number;
  documentationRef?: string;
  keywords?: string[];
  /** Property groups of the template, in order; `input` is added when a property uses it and it is not declared. */
  groups?: TemplateGroup[];
  input: InputSchema;
  output?: JsonSchema;
  errors?: ConnectorErrorDeclaration[];
  /** The template's default for the result variable; leave out when the result is seldom needed. */
  resultVariable?: string;
  /** Job timeout per activation in ms (extended while `run` is busy, where the gateway allows). Default 60,000. */
  timeoutMs?: number;
  /** Retries the template gives the service task. Default 3. */
  retries?: number;
  /** Exponential back-off after a transient failure: initial, doubled per failed attempt, capped. */
  retryBackoff?: { initialMs?: number; maxMs?: number };
  /** Jobs of this type one runtime runs at once. Default: the runtime's setting. */
  maxConcurrentJobs?: number;
  run(input: Input, context: ConnectorContext): Promise<Output>;
}

export interface Connector<Input = unknown, Output = unknown> extends Readonly<ConnectorDeclaration<Input, Output>> {
  readonly version: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryBackoff: { initialMs: number; maxMs: number };
  readonly errors: ConnectorErrorDeclaration[];
  /** Checks (and fills defaults into) an assembled input; one message per problem, naming the field. */
  readonly checkInput: SchemaCheck;
  readonly checkOutput: SchemaCheck;
}

/** Header keys the runtime reads itself; an input property may not use them. */
export const RESULT_VARIABLE_HEADER = 'resultVariable';
export const RESULT_EXPRESSION_HEADER = 'resultExpression';

const JOB_TYPE = /^[A-Za-z0-9][A-Za-z0-9:._-]*$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function defineConnector<Input, Output>(declaration: ConnectorDeclaration<Input, Output>): Connector<Input, Output> {
  const problems = declarationProblems(declaration);
  if (problems.length > 0) {
    throw new TypeError(`Connector '${declaration.type}' is not declared correctly:\n  ${problems.join('\n  ')}`);
  }
  return Object.freeze({
    ...declaration,
    version: declaration.version ?? 1,
    timeoutMs: declaration.timeoutMs ?? 60_000,
    retries: declaration.retries ?? 3,
    retryBackoff: { initialMs: declaration.retryBackoff?.initialMs ?? 1_000, maxMs: declaration.retryBackoff?.maxMs ?? 300_000 },
    errors: declaration.errors ?? [],
    checkInput: compileSchema(declaration.input, 'input'),
    checkOutput: declaration.output ? compileSchema(declaration.output, 'output') : () => [],
  });
}

function declarationProblems(declaration: ConnectorDeclaration<unknown, unknown>): string[] {
  const problems: string[] = [];
  if (!JOB_TYPE.test(declaration.type ?? '')) problems.push(`type must be a job type like 'amtsflow:mail:1', got '${declaration.type}'`);
  if (!declaration.name?.trim()) problems.push('name is required');
  if (typeof declaration.run !== 'function') problems.push('run must be a function');
  if (declaration.input?.type !== 'object' || typeof declaration.input.properties !== 'object') {
    problems.push("input must be an object schema with 'properties'");
    return problems;
  }
  const groups = new Set(['input', ...(declaration.groups ?? []).map((group) => group.id)]);
  for (const [name, schema] of Object.entries(declaration.input.properties)) {
    problems.push(...propertyProblems(name, schema, declaration.input.properties, groups));
  }
  for (const name of declaration.input.required ?? []) {
    if (!(name in declaration.input.properties)) problems.push(`input requires '${name}', which is not a property`);
  }
  const codes = (declaration.errors ?? []).map((error) => error.code);
  if (codes.some((code) => !code?.trim())) problems.push('every declared error needs a code');
  if (new Set(codes).size !== codes.length) problems.push('error codes must be unique');
  for (const [key, value] of Object.entries({ timeoutMs: declaration.timeoutMs, retries: declaration.retries, maxConcurrentJobs: declaration.maxConcurrentJobs })) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) problems.push(`${key} must be a positive integer`);
  }
  return problems;
}

function propertyProblems(name: string, schema: JsonSchema, all: Record<string, JsonSchema>, groups: Set<string>): string[] {
  const problems: string[] = [];
  const hints: TemplateHints = schema['x-template'] ?? {};
  if (!VARIABLE_NAME.test(name)) problems.push(`input property '${name}' must be a plain variable name (letters, digits, _)`);
  if (name === RESULT_VARIABLE_HEADER || name === RESULT_EXPRESSION_HEADER) problems.push(`input property '${name}' is reserved for the result mapping`);
  if (hints.binding === 'header' && !['string', 'number', 'integer', 'boolean'].includes(String(schema.type))) {
    problems.push(`input property '${name}' is bound to a task header, which holds only a string, number or boolean`);
  }
  if (hints.group !== undefined && !groups.has(hints.group)) problems.push(`input property '${name}' uses the undeclared group '${hints.group}'`);
  if (hints.condition !== undefined && !(hints.condition.property in all)) {
    problems.push(`input property '${name}' depends on '${hints.condition.property}', which is not a property`);
  }
  if (hints.choiceLabels !== undefined && hints.choiceLabels.length !== (schema.enum?.length ?? -1)) {
    problems.push(`input property '${name}' needs one choice label per enum value`);
  }
  return problems;
}
