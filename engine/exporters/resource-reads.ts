/**
 * Reads of the resources exporter's tables: deployed forms and process definitions by key, as a co-located server
 * needs them (render and validate a form, show or download a diagram). The tables are eventually consistent with the
 * engine: a resource is readable shortly after its deployment was acknowledged, not necessarily at once. Keys are
 * decimal strings, because they are 64-bit.
 */
import type { SqlSession } from '../storage/sql-client.js';
import { dateOf, isKey } from './read-values.js';

export interface ProcessDefinitionSummary {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  deploymentKey: string;
  /** When the definition was deleted (DeleteResource), or null. */
  deletedAt: Date | null;
}

export interface ProcessDefinitionRecord extends ProcessDefinitionSummary {
  /** The BPMN XML it was deployed in; null only for processes deployed before the engine exported the XML. */
  resource: string | null;
}

export interface FormDefinitionRecord {
  formKey: string;
  formId: string;
  version: number;
  resourceName: string;
  /** The form-js schema as deployed (JSON text). */
  schema: string;
  deploymentKey: string;
  deletedAt: Date | null;
}

export interface DecisionRequirementsRecord {
  decisionRequirementsKey: string;
  decisionRequirementsId: string;
  name: string;
  version: number;
  resourceName: string;
  /** The DMN XML as deployed. */
  resource: string;
  deploymentKey: string;
  deletedAt: Date | null;
  decisions: { decisionKey: string; decisionId: string; name: string; version: number }[];
}

/**
 * The form to start a process with: a linked form resolved to its latest deployed version (as the engine resolves a
 * user task's `formId` when the task is created), or an embedded one. `formKey` is what the form is known by.
 */
export interface StartForm {
  formKey: string;
  /** The form-js schema (JSON text); null for a custom form key that no deployed form answers. */
  schema: string | null;
  /** For a linked form: its id and the version resolved. */
  formId?: string;
  version?: number;
}

/** The reads bound to one SQL session, as `RunningEngine.reads` offers them. */
export interface ResourceReads {
  startFormOf(processDefinitionKey: string): Promise<StartForm | undefined>;
  decisionRequirementsByKey(decisionRequirementsKey: string): Promise<DecisionRequirementsRecord | undefined>;
  formByKey(formKey: string): Promise<FormDefinitionRecord | undefined>;
  latestForm(formId: string): Promise<FormDefinitionRecord | undefined>;
  processDefinitionByKey(processDefinitionKey: string): Promise<ProcessDefinitionRecord | undefined>;
  processDefinitions(options?: ProcessDefinitionsOptions): Promise<ProcessDefinitionSummary[]>;
}

export interface ProcessDefinitionsOptions {
  /** Include deleted versions (with `deletedAt` set); false unless given. */
  includeDeleted?: boolean;
}

export function resourceReads(sql: SqlSession): ResourceReads {
  return {
    startFormOf: (key) => startFormOf(sql, key),
    decisionRequirementsByKey: (key) => decisionRequirementsByKey(sql, key),
    formByKey: (formKey) => formByKey(sql, formKey),
    latestForm: (formId) => latestForm(sql, formId),
    processDefinitionByKey: (key) => processDefinitionByKey(sql, key),
    processDefinitions: (options) => processDefinitions(sql, options),
  };
}

const FORM_COLUMNS = `form_key::text AS key, form_id, version, resource_name, schema, deployment_key::text AS deployment_key,
  (extract(epoch FROM deleted_at) * 1000)::float8 AS deleted_at_ms`;
const PROCESS_COLUMNS = `process_definition_key::text AS key, bpmn_process_id, version, resource_name,
  deployment_key::text AS deployment_key, (extract(epoch FROM deleted_at) * 1000)::float8 AS deleted_at_ms`;

/** A form version by its key, deleted or not (a task created before the deletion still shows its form). */
export async function formByKey(sql: SqlSession, formKey: string): Promise<FormDefinitionRecord | undefined> {
  if (!isKey(formKey)) return undefined;
  const [row] = await sql.query<FormRow>(`SELECT ${FORM_COLUMNS} FROM form_definition WHERE form_key = $1`, [formKey]);
  return row && formRecord(row);
}

/** The newest version of a form that is not deleted, as the engine links `zeebe:formDefinition formId` to it. */
export async function latestForm(sql: SqlSession, formId: string): Promise<FormDefinitionRecord | undefined> {
  const [row] = await sql.query<FormRow>(
    `SELECT ${FORM_COLUMNS} FROM form_definition WHERE form_id = $1 AND deleted_at IS NULL ORDER BY version DESC LIMIT 1`,
    [formId],
  );
  return row && formRecord(row);
}

/** A process definition by its key, deleted or not, with its BPMN XML. */
export async function processDefinitionByKey(sql: SqlSession, processDefinitionKey: string): Promise<ProcessDefinitionRecord | undefined> {
  if (!isKey(processDefinitionKey)) return undefined;
  const [row] = await sql.query<ProcessRow & { resource: string | null }>(
    `SELECT ${PROCESS_COLUMNS}, resource FROM process_definition WHERE process_definition_key = $1`,
    [processDefinitionKey],
  );
  return row && { ...processSummary(row), resource: row.resource };
}

/** Every process definition version without its XML, by BPMN process id and version. */
export async function processDefinitions(sql: SqlSession, { includeDeleted = false }: ProcessDefinitionsOptions = {}): Promise<ProcessDefinitionSummary[]> {
  const rows = await sql.query<ProcessRow>(
    `SELECT ${PROCESS_COLUMNS} FROM process_definition ${includeDeleted ? '' : 'WHERE deleted_at IS NULL'} ORDER BY bpmn_process_id, version`,
  );
  return rows.map(processSummary);
}

/** The start form of a process definition, or undefined when its start event links none (or the key is unknown). */
export async function startFormOf(sql: SqlSession, processDefinitionKey: string): Promise<StartForm | undefined> {
  if (!isKey(processDefinitionKey)) return undefined;
  const [row] = await sql.query<{ start_form_id: string | null; start_form_key: string | null; start_form_schema: string | null }>(
    'SELECT start_form_id, start_form_key, start_form_schema FROM process_definition WHERE process_definition_key = $1',
    [processDefinitionKey],
  );
  if (!row) return undefined;
  if (row.start_form_id !== null) {
    const form = await latestForm(sql, row.start_form_id);
    return form && { formKey: form.formKey, schema: form.schema, formId: form.formId, version: form.version };
  }
  if (row.start_form_key === null) return undefined;
  return { formKey: row.start_form_key, schema: row.start_form_schema };
}

/** A decision requirements graph by its key, deleted or not, with its DMN XML and its decisions. */
export async function decisionRequirementsByKey(sql: SqlSession, decisionRequirementsKey: string): Promise<DecisionRequirementsRecord | undefined> {
  if (!isKey(decisionRequirementsKey)) return undefined;
  const [row] = await sql.query<{
    key: string; decision_requirements_id: string; name: string; version: number; resource_name: string; resource: string;
    deployment_key: string; deleted_at_ms: number | null;
  }>(
    `SELECT decision_requirements_key::text AS key, decision_requirements_id, name, version, resource_name, resource,
       deployment_key::text AS deployment_key, (extract(epoch FROM deleted_at) * 1000)::float8 AS deleted_at_ms
     FROM decision_requirements WHERE decision_requirements_key = $1`,
    [decisionRequirementsKey],
  );
  if (!row) return undefined;
  const decisions = await sql.query<{ key: string; decision_id: string; name: string; version: number }>(
    'SELECT decision_key::text AS key, decision_id, name, version FROM decision_definition WHERE decision_requirements_key = $1 ORDER BY decision_id',
    [decisionRequirementsKey],
  );
  return {
    decisionRequirementsKey: row.key,
    decisionRequirementsId: row.decision_requirements_id,
    name: row.name,
    version: row.version,
    resourceName: row.resource_name,
    resource: row.resource,
    deploymentKey: row.deployment_key,
    deletedAt: row.deleted_at_ms === null ? null : new Date(row.deleted_at_ms),
    decisions: decisions.map((decision) => ({ decisionKey: decision.key, decisionId: decision.decision_id, name: decision.name, version: decision.version })),
  };
}

interface FormRow {
  key: string;
  form_id: string;
  version: number;
  resource_name: string;
  schema: string;
  deployment_key: string;
  deleted_at_ms: number | null;
}

interface ProcessRow {
  key: string;
  bpmn_process_id: string;
  version: number;
  resource_name: string;
  deployment_key: string;
  deleted_at_ms: number | null;
}

function formRecord(row: FormRow): FormDefinitionRecord {
  return {
    formKey: row.key,
    formId: row.form_id,
    version: row.version,
    resourceName: row.resource_name,
    schema: row.schema,
    deploymentKey: row.deployment_key,
    deletedAt: dateOf(row.deleted_at_ms),
  };
}

function processSummary(row: ProcessRow): ProcessDefinitionSummary {
  return {
    processDefinitionKey: row.key,
    bpmnProcessId: row.bpmn_process_id,
    version: row.version,
    resourceName: row.resource_name,
    deploymentKey: row.deployment_key,
    deletedAt: dateOf(row.deleted_at_ms),
  };
}
