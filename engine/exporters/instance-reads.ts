/**
 * Reads of the instances exporter's tables for the operations view: process instances by process, version and state,
 * newest first with keyset paging; one instance with its active elements counted per element id (the tokens on the
 * diagram); its element history, variables and incidents. Eventually consistent with the engine, like every
 * exporter's table. Keys are decimal strings (64-bit), variable values their JSON text.
 */
import type { SqlSession } from '../storage/sql-client.js';
import { MULTI_INSTANCE_BODY } from './element-types.js';
import { dateOf, epochMsOf, isKey } from './read-values.js';

export type ProcessInstanceState = 'ACTIVE' | 'COMPLETED' | 'CANCELED';

export interface ProcessInstanceSummary {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  state: ProcessInstanceState;
  /** Incidents not resolved yet; an active instance with incidents is what Operate shows as INCIDENT. */
  activeIncidents: number;
  startTime: Date;
  endTime: Date | null;
  /** For an instance a call activity created. */
  parentProcessInstanceKey: string | null;
  parentElementInstanceKey: string | null;
}

export interface ProcessInstanceFilter {
  bpmnProcessId?: string;
  version?: number;
  /** INCIDENT: active instances with at least one active incident. */
  state?: ProcessInstanceState | 'INCIDENT';
  parentProcessInstanceKey?: string;
  /** Instances older than this key (the `nextCursor` of the page before). */
  beforeKey?: string;
  /** 1 to 1,000; 50 unless given. */
  limit?: number;
}

export interface ProcessInstancePage {
  instances: ProcessInstanceSummary[];
  /** Pass as `beforeKey` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** How many instances of one element are active now (a multi-instance activity counts its inner instances). */
export interface ActiveElementCount {
  elementId: string;
  active: number;
  /** Of those, how many are stopped by an active incident. */
  incidents: number;
}

/** How many instances of one element have completed (a loop or a multi-instance activity counts each). */
export interface CompletedElementCount {
  elementId: string;
  completed: number;
}

export interface ProcessInstanceRecord extends ProcessInstanceSummary {
  activeElements: ActiveElementCount[];
  completedElements: CompletedElementCount[];
}

export type ElementInstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface ElementInstanceRecord {
  elementInstanceKey: string;
  processInstanceKey: string;
  elementId: string;
  /** Zeebe's BpmnElementType name: SERVICE_TASK, MULTI_INSTANCE_BODY, PROCESS, ... */
  elementType: string;
  /** The enclosing element instance; -1 for the process instance itself. */
  flowScopeKey: string;
  state: ElementInstanceState;
  startTime: Date;
  endTime: Date | null;
}

export interface ElementHistoryPage {
  elements: ElementInstanceRecord[];
  /** Pass as `afterKey` for the next page; null on the last one. */
  nextCursor: string | null;
}

export interface VariableRecord {
  /** The element instance that holds it; the process instance key for the instance's own variables. */
  scopeKey: string;
  name: string;
  /** The value as JSON text. */
  value: string;
  processInstanceKey: string;
  updatedAt: Date;
}

export type IncidentState = 'ACTIVE' | 'RESOLVED';

export interface IncidentRecord {
  incidentKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  /** JOB_NO_RETRIES, IO_MAPPING_ERROR, CONDITION_ERROR, ... */
  errorType: string;
  errorMessage: string;
  /** The job that ran out of retries, or null. */
  jobKey: string | null;
  state: IncidentState;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** The reads bound to one SQL session, as `RunningEngine.reads` offers them beside the resource reads. */
export interface InstanceReads {
  processInstances(filter?: ProcessInstanceFilter): Promise<ProcessInstancePage>;
  processInstance(processInstanceKey: string): Promise<ProcessInstanceRecord | undefined>;
  elementHistory(processInstanceKey: string, page?: { afterKey?: string; limit?: number }): Promise<ElementHistoryPage>;
  elementInstance(elementInstanceKey: string): Promise<ElementInstanceRecord | undefined>;
  variablesOf(processInstanceKey: string): Promise<VariableRecord[]>;
  variable(scopeKey: string, name: string): Promise<VariableRecord | undefined>;
  incidentsOf(processInstanceKey: string): Promise<IncidentRecord[]>;
  incidentByKey(incidentKey: string): Promise<IncidentRecord | undefined>;
  /**
   * The process instances whose own (root scope) variable `name` holds the JSON text `jsonValue`, ascending. Unlike the
   * other reads it is not merely eventually consistent: it first waits until the instances exporter has exported the
   * journal as far as it was written when called, so every instance acknowledged before the call is found.
   */
  findInstancesByVariable(name: string, jsonValue: string): Promise<string[]>;
}

export function instanceReads(sql: SqlSession): InstanceReads {
  return {
    processInstances: (filter) => processInstances(sql, filter),
    processInstance: (key) => processInstance(sql, key),
    elementHistory: (key, page) => elementHistory(sql, key, page),
    elementInstance: (key) => elementInstance(sql, key),
    variablesOf: (key) => variablesOf(sql, key),
    variable: (scopeKey, name) => variable(sql, scopeKey, name),
    incidentsOf: (key) => incidentsOf(sql, key),
    incidentByKey: (key) => incidentByKey(sql, key),
    findInstancesByVariable: (name, jsonValue) => findInstancesByVariable(sql, name, jsonValue),
  };
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1_000;

const clampLimit = (limit: number | undefined) => Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit ?? DEFAULT_LIMIT)));

const INSTANCE_COLUMNS = `p.process_instance_key::text AS key, p.process_definition_key::text AS definition_key, p.bpmn_process_id, p.version, p.state,
  ${epochMsOf('p.start_time')} AS start_ms, ${epochMsOf('p.end_time')} AS end_ms,
  p.parent_process_instance_key::text AS parent_key, p.parent_element_instance_key::text AS parent_element_key,
  (SELECT count(*) FROM incident i WHERE i.process_instance_key = p.process_instance_key AND i.state = 'ACTIVE')::int AS active_incidents`;

interface InstanceRow {
  key: string;
  definition_key: string;
  bpmn_process_id: string;
  version: number;
  state: ProcessInstanceState;
  start_ms: number;
  end_ms: number | null;
  parent_key: string | null;
  parent_element_key: string | null;
  active_incidents: number;
}

/** Process instances newest first, filtered; a key that no bigint can hold matches nothing. */
export async function processInstances(sql: SqlSession, filter: ProcessInstanceFilter = {}): Promise<ProcessInstancePage> {
  const limit = clampLimit(filter.limit);
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.bpmnProcessId !== undefined) conditions.push(`p.bpmn_process_id = ${param(filter.bpmnProcessId)}`);
  if (filter.version !== undefined) conditions.push(`p.version = ${param(filter.version)}`);
  if (filter.state === 'INCIDENT') {
    conditions.push(`p.state = 'ACTIVE' AND EXISTS (SELECT 1 FROM incident i WHERE i.process_instance_key = p.process_instance_key AND i.state = 'ACTIVE')`);
  } else if (filter.state !== undefined) conditions.push(`p.state = ${param(filter.state)}`);
  for (const key of [filter.parentProcessInstanceKey, filter.beforeKey]) {
    if (key !== undefined && !isKey(key)) return { instances: [], nextCursor: null };
  }
  if (filter.parentProcessInstanceKey !== undefined) conditions.push(`p.parent_process_instance_key = ${param(filter.parentProcessInstanceKey)}`);
  if (filter.beforeKey !== undefined) conditions.push(`p.process_instance_key < ${param(filter.beforeKey)}`);
  const rows = await sql.query<InstanceRow>(
    `SELECT ${INSTANCE_COLUMNS} FROM process_instance p ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY p.process_instance_key DESC LIMIT ${limit + 1}`,
    params,
  );
  const instances = rows.slice(0, limit).map(instanceSummary);
  return { instances, nextCursor: rows.length > limit ? instances.at(-1)!.processInstanceKey : null };
}

/** One process instance with its active and its completed elements counted per element id. */
export async function processInstance(sql: SqlSession, processInstanceKey: string): Promise<ProcessInstanceRecord | undefined> {
  if (!isKey(processInstanceKey)) return undefined;
  const [row] = await sql.query<InstanceRow>(`SELECT ${INSTANCE_COLUMNS} FROM process_instance p WHERE p.process_instance_key = $1`, [processInstanceKey]);
  if (!row) return undefined;
  // The process itself and multi-instance bodies are no tokens: a body's inner instances are counted instead.
  const counts = await sql.query<{ element_id: string; active: number; incidents: number }>(
    `SELECT e.element_id, count(*)::int AS active,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM incident i WHERE i.element_instance_key = e.element_instance_key AND i.state = 'ACTIVE'))::int AS incidents
     FROM element_instance e
     WHERE e.process_instance_key = $1 AND e.state = 'ACTIVE' AND e.element_type NOT IN ('PROCESS', '${MULTI_INSTANCE_BODY}')
     GROUP BY e.element_id ORDER BY e.element_id`,
    [processInstanceKey],
  );
  const completed = await sql.query<{ element_id: string; completed: number }>(
    `SELECT e.element_id, count(*)::int AS completed FROM element_instance e
     WHERE e.process_instance_key = $1 AND e.state = 'COMPLETED' AND e.element_type NOT IN ('PROCESS', '${MULTI_INSTANCE_BODY}')
     GROUP BY e.element_id ORDER BY e.element_id`,
    [processInstanceKey],
  );
  return {
    ...instanceSummary(row),
    activeElements: counts.map((count) => ({ elementId: count.element_id, active: count.active, incidents: count.incidents })),
    completedElements: completed.map((count) => ({ elementId: count.element_id, completed: count.completed })),
  };
}

const ELEMENT_COLUMNS = `element_instance_key::text AS key, process_instance_key::text AS instance_key, element_id, element_type,
  flow_scope_key::text AS flow_scope_key, state, ${epochMsOf('start_time')} AS start_ms, ${epochMsOf('end_time')} AS end_ms`;

interface ElementRow {
  key: string;
  instance_key: string;
  element_id: string;
  element_type: string;
  flow_scope_key: string;
  state: ElementInstanceState;
  start_ms: number;
  end_ms: number | null;
}

/** The element instances of a process instance in the order they started (by key), the process instance itself first. */
export async function elementHistory(
  sql: SqlSession, processInstanceKey: string, { afterKey, limit }: { afterKey?: string; limit?: number } = {},
): Promise<ElementHistoryPage> {
  if (!isKey(processInstanceKey) || (afterKey !== undefined && !isKey(afterKey))) return { elements: [], nextCursor: null };
  const pageSize = clampLimit(limit);
  const rows = await sql.query<ElementRow>(
    `SELECT ${ELEMENT_COLUMNS} FROM element_instance WHERE process_instance_key = $1 AND element_instance_key > $2
     ORDER BY element_instance_key LIMIT ${pageSize + 1}`,
    [processInstanceKey, afterKey ?? '-1'],
  );
  const elements = rows.slice(0, pageSize).map(elementRecord);
  return { elements, nextCursor: rows.length > pageSize ? elements.at(-1)!.elementInstanceKey : null };
}

export async function elementInstance(sql: SqlSession, elementInstanceKey: string): Promise<ElementInstanceRecord | undefined> {
  if (!isKey(elementInstanceKey)) return undefined;
  const [row] = await sql.query<ElementRow>(`SELECT ${ELEMENT_COLUMNS} FROM element_instance WHERE element_instance_key = $1`, [elementInstanceKey]);
  return row && elementRecord(row);
}

const VARIABLE_COLUMNS = `scope_key::text AS scope_key, name, value, process_instance_key::text AS instance_key, ${epochMsOf('updated_at')} AS updated_ms`;

interface VariableRow {
  scope_key: string;
  name: string;
  value: string;
  instance_key: string;
  updated_ms: number;
}

/** Every variable of a process instance, of every scope, by scope and name. */
export async function variablesOf(sql: SqlSession, processInstanceKey: string): Promise<VariableRecord[]> {
  if (!isKey(processInstanceKey)) return [];
  const rows = await sql.query<VariableRow>(
    `SELECT ${VARIABLE_COLUMNS} FROM variable WHERE process_instance_key = $1 ORDER BY scope_key, name`,
    [processInstanceKey],
  );
  return rows.map(variableRecord);
}

export async function variable(sql: SqlSession, scopeKey: string, name: string): Promise<VariableRecord | undefined> {
  if (!isKey(scopeKey)) return undefined;
  const [row] = await sql.query<VariableRow>(`SELECT ${VARIABLE_COLUMNS} FROM variable WHERE scope_key = $1 AND name = $2`, [scopeKey, name]);
  return row && variableRecord(row);
}

const INCIDENT_COLUMNS = `incident_key::text AS key, process_instance_key::text AS instance_key, process_definition_key::text AS definition_key,
  element_id, element_instance_key::text AS element_key, error_type, error_message, job_key::text AS job_key, state,
  ${epochMsOf('created_at')} AS created_ms, ${epochMsOf('resolved_at')} AS resolved_ms`;

interface IncidentRow {
  key: string;
  instance_key: string;
  definition_key: string;
  element_id: string;
  element_key: string;
  error_type: string;
  error_message: string;
  job_key: string | null;
  state: IncidentState;
  created_ms: number;
  resolved_ms: number | null;
}

/** The incidents of a process instance, active and resolved, newest first. */
export async function incidentsOf(sql: SqlSession, processInstanceKey: string): Promise<IncidentRecord[]> {
  if (!isKey(processInstanceKey)) return [];
  const rows = await sql.query<IncidentRow>(
    `SELECT ${INCIDENT_COLUMNS} FROM incident WHERE process_instance_key = $1 ORDER BY incident_key DESC`,
    [processInstanceKey],
  );
  return rows.map(incidentRecord);
}

export async function incidentByKey(sql: SqlSession, incidentKey: string): Promise<IncidentRecord | undefined> {
  if (!isKey(incidentKey)) return undefined;
  const [row] = await sql.query<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incident WHERE incident_key = $1`, [incidentKey]);
  return row && incidentRecord(row);
}

function instanceSummary(row: InstanceRow): ProcessInstanceSummary {
  return {
    processInstanceKey: row.key,
    processDefinitionKey: row.definition_key,
    bpmnProcessId: row.bpmn_process_id,
    version: row.version,
    state: row.state,
    activeIncidents: row.active_incidents,
    startTime: new Date(row.start_ms),
    endTime: dateOf(row.end_ms),
    parentProcessInstanceKey: row.parent_key,
    parentElementInstanceKey: row.parent_element_key,
  };
}

function elementRecord(row: ElementRow): ElementInstanceRecord {
  return {
    elementInstanceKey: row.key,
    processInstanceKey: row.instance_key,
    elementId: row.element_id,
    elementType: row.element_type,
    flowScopeKey: row.flow_scope_key,
    state: row.state,
    startTime: new Date(row.start_ms),
    endTime: dateOf(row.end_ms),
  };
}

function variableRecord(row: VariableRow): VariableRecord {
  return { scopeKey: row.scope_key, name: row.name, value: row.value, processInstanceKey: row.instance_key, updatedAt: new Date(row.updated_ms) };
}

function incidentRecord(row: IncidentRow): IncidentRecord {
  return {
    incidentKey: row.key,
    processInstanceKey: row.instance_key,
    processDefinitionKey: row.definition_key,
    elementId: row.element_id,
    elementInstanceKey: row.element_key,
    errorType: row.error_type,
    errorMessage: row.error_message,
    jobKey: row.job_key,
    state: row.state,
    createdAt: new Date(row.created_ms),
    resolvedAt: dateOf(row.resolved_ms),
  };
}

/** How long `findInstancesByVariable` waits for the instances exporter to catch up before it gives up (throws). */
const CATCH_UP_TIMEOUT_MS = 60_000;
const CATCH_UP_POLL_MS = 100;

export async function findInstancesByVariable(sql: SqlSession, name: string, jsonValue: string, catchUpTimeoutMs = CATCH_UP_TIMEOUT_MS): Promise<string[]> {
  await exportedThroughJournalHead(sql, catchUpTimeoutMs);
  const rows = await sql.query<{ key: string }>(
    `SELECT process_instance_key::text AS key FROM variable
     WHERE scope_key = process_instance_key AND name = $1 AND md5(value) = md5($2) AND value = $2 ORDER BY process_instance_key`,
    [name, jsonValue],
  );
  return rows.map((row) => row.key);
}

/** Resolves once the instances exporter's position has reached the journal's last position as of now. */
async function exportedThroughJournalHead(sql: SqlSession, timeoutMs: number): Promise<void> {
  const [head] = await sql.query<{ position: string }>('SELECT coalesce(max(position), 0)::text AS position FROM journal');
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const [exported] = await sql.query<{ position: string }>(`SELECT position::text AS position FROM exporter_position WHERE exporter = 'instances'`);
    if (BigInt(exported?.position ?? '0') >= BigInt(head.position)) return;
    if (Date.now() >= giveUpAt) throw new Error(`The instances exporter did not reach journal position ${head.position} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
  }
}
