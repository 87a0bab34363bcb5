/** JSON schemas of the operations routes: path keys, queries, bodies and the documents they answer with. */

const MAX_KEY = 2n ** 63n - 1n;

/** A Zeebe key in a path or query: decimal digits (64-bit, so a string). */
export const KEY_SCHEMA = { type: 'string', pattern: '^[0-9]{1,19}$' } as const;

/** Whether a key passed the schema and also fits 64 bits; a key that does not names nothing (404), it never reaches zeebe-node. */
export const fitsKey = (key: string) => BigInt(key) <= MAX_KEY;

/** A variable name: no control characters (a NUL could not be stored), at most 255 characters. */
export const VARIABLE_NAME_SCHEMA = { type: 'string', pattern: '^[^\\u0000-\\u001f\\u007f]{1,255}$' } as const;

const date = { type: 'string', format: 'date-time' };
const nullableDate = { type: ['string', 'null'], format: 'date-time' };
const key = { type: 'string' };
const nullableKey = { type: ['string', 'null'] };

export const INSTANCE_STATES = ['ACTIVE', 'COMPLETED', 'CANCELED'] as const;

export const INSTANCE_SUMMARY_SCHEMA = {
  type: 'object',
  properties: {
    processInstanceKey: key,
    processDefinitionKey: key,
    bpmnProcessId: { type: 'string' },
    version: { type: 'integer' },
    state: { enum: INSTANCE_STATES },
    activeIncidents: { type: 'integer', description: 'Incidents not resolved; an ACTIVE instance with incidents is what the INCIDENT filter finds' },
    startTime: date,
    endTime: nullableDate,
    parentProcessInstanceKey: { ...nullableKey, description: 'Set when a call activity started the instance' },
    parentElementInstanceKey: nullableKey,
  },
};

export const ELEMENT_INSTANCE_SCHEMA = {
  type: 'object',
  properties: {
    elementInstanceKey: key,
    processInstanceKey: key,
    elementId: { type: 'string' },
    elementType: { type: 'string', description: 'Zeebe\'s element type: SERVICE_TASK, USER_TASK, MULTI_INSTANCE_BODY, PROCESS, ...' },
    flowScopeKey: { type: 'string', description: '-1 for the process instance itself' },
    state: { enum: ['ACTIVE', 'COMPLETED', 'TERMINATED'] },
    startTime: date,
    endTime: nullableDate,
  },
};

export const HISTORY_SCHEMA = {
  type: 'object',
  properties: { elements: { type: 'array', items: ELEMENT_INSTANCE_SCHEMA }, nextCursor: nullableKey },
};

export const VARIABLE_SCHEMA = {
  type: 'object',
  properties: {
    scopeKey: { type: 'string', description: 'The element instance holding it; the process instance key for the instance\'s own variables' },
    name: { type: 'string' },
    value: { type: 'string', description: 'The value as JSON text' },
    processInstanceKey: key,
    updatedAt: date,
  },
};

export const INCIDENT_SCHEMA = {
  type: 'object',
  properties: {
    incidentKey: key,
    processInstanceKey: key,
    processDefinitionKey: key,
    elementId: { type: 'string' },
    elementInstanceKey: key,
    errorType: { type: 'string', description: 'JOB_NO_RETRIES, IO_MAPPING_ERROR, CONDITION_ERROR, ...' },
    errorMessage: { type: 'string' },
    jobKey: { ...nullableKey, description: 'The job that ran out of retries, if any' },
    state: { enum: ['ACTIVE', 'RESOLVED'] },
    createdAt: date,
    resolvedAt: nullableDate,
  },
};

export const INSTANCE_DETAIL_SCHEMA = {
  type: 'object',
  properties: {
    ...INSTANCE_SUMMARY_SCHEMA.properties,
    activeElements: {
      type: 'array',
      description: 'Tokens for the diagram: per element id, its active instances and how many of them an incident stops',
      items: { type: 'object', properties: { elementId: { type: 'string' }, active: { type: 'integer' }, incidents: { type: 'integer' } } },
    },
    completedElements: {
      type: 'array',
      description: 'The path taken, for the diagram: per element id, how many of its instances completed',
      items: { type: 'object', properties: { elementId: { type: 'string' }, completed: { type: 'integer' } } },
    },
    incidents: { type: 'array', items: INCIDENT_SCHEMA },
    variables: { type: 'array', items: VARIABLE_SCHEMA },
    history: { ...HISTORY_SCHEMA, description: 'The first page of GET .../history' },
  },
};

export const LIST_QUERY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    bpmnProcessId: { type: 'string', minLength: 1, maxLength: 255 },
    version: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
    state: { enum: [...INSTANCE_STATES, 'INCIDENT'], description: 'INCIDENT: active instances with an incident' },
    parentProcessInstanceKey: KEY_SCHEMA,
    cursor: { ...KEY_SCHEMA, description: 'The `nextCursor` of the page before: instances older than that' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
};

export const HISTORY_QUERY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cursor: { ...KEY_SCHEMA, description: 'The `nextCursor` of the page before' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 500 },
  },
};

export const SET_VARIABLE_BODY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['value'],
  properties: {
    value: { type: 'string', maxLength: 65_536, description: 'The new value as JSON text: "\\"Mops\\"", "96.5", "{\\"name\\": \\"Bello\\"}"' },
    scopeKey: { ...KEY_SCHEMA, description: 'The element instance whose variable it is; the process instance unless given' },
  },
};

export const RETRY_BODY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    retries: { type: 'integer', minimum: 1, maximum: 100, default: 1, description: 'The retries the job gets again (incidents with a job)' },
  },
};
