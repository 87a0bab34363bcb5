/**
 * The operations API for process managers and admins: instances with their state, active elements (tokens), history,
 * variables and incidents, read from the embedded engine's exporter tables; cancel an instance, retry an incident and
 * set a variable through zeebe-node. Without the exporter's tables (ZEEBE_ADDRESS) the reads and the retry answer 503;
 * cancel and setting a variable of the instance itself need only the gateway and work against any Zeebe.
 */
import { requestOrigin } from '../audit/audit-log.js';
import { DeploymentStore } from '../deployments/deployment-store.js';
import { notFound, validationProblem } from '../http/problem.js';
import type { Role } from '../identity/roles.js';
import type { RouteModule } from '../server-context.js';
import { InstanceOperations } from './instance-operations.js';
import {
  fitsKey, HISTORY_QUERY_SCHEMA, HISTORY_SCHEMA, INSTANCE_DETAIL_SCHEMA, INSTANCE_SUMMARY_SCHEMA, KEY_SCHEMA, LIST_QUERY_SCHEMA, RETRY_BODY_SCHEMA,
  SET_VARIABLE_BODY_SCHEMA, VARIABLE_NAME_SCHEMA,
} from './operations-schemas.js';
import type { InstanceFilter } from './operations-source.js';

const OPERATORS: readonly Role[] = ['process-manager', 'admin'];
/** The history's first page, as the instance itself carries it. */
const HISTORY_IN_DETAIL = 500;

const problem = (description: string) => ({ description, contentType: 'application/problem+json' });
const UNAVAILABLE = problem('No operations data: the server runs against a Zeebe gateway (ZEEBE_ADDRESS), not the embedded engine');
const GATEWAY = {
  502: problem('The gateway answered with an unexpected error'),
  503: problem('The gateway is unavailable'),
  504: problem('The gateway did not answer in time'),
};
/** Routes that need the gateway and (for some requests) the exporter's data. */
const GATEWAY_AND_DATA = { ...GATEWAY, 503: problem('The gateway is unavailable, or the request needs operations data this server does not have (ZEEBE_ADDRESS)') };

/** A key that fits the schema's digits but not 64 bits names nothing. */
function existingKey(key: string, what: string): string {
  if (!fitsKey(key)) throw notFound(`There is no ${what} ${key}.`);
  return key;
}

export const operationsRoutes: RouteModule = {
  name: 'operations',
  register(routes, context) {
    const operations = new InstanceOperations(context.zeebe, context.audit, context.operationsSource);
    const deployments = new DeploymentStore(context.sql);
    const instancePath = '/api/operations/instances/:processInstanceKey';
    const instanceParams = { processInstanceKey: KEY_SCHEMA };
    const instanceOf = async (key: string) => {
      const instance = await operations.requireSource().processInstance(existingKey(key, 'process instance'));
      if (!instance) throw notFound(`There is no process instance ${key} (or it is not exported yet).`);
      return instance;
    };

    routes.add({
      method: 'get', path: '/api/operations/instances', operationId: 'listProcessInstances', tag: 'operations', access: OPERATORS,
      summary: 'Process instances, newest first, filtered by process, version and state',
      description: 'Pass `nextCursor` of one page as `cursor` to get the next (older) page. The data is exported from the engine and may lag it by a moment.',
      query: LIST_QUERY_SCHEMA,
      responses: {
        200: { description: 'One page', schema: { type: 'object', properties: { instances: { type: 'array', items: INSTANCE_SUMMARY_SCHEMA }, nextCursor: { type: ['string', 'null'] } } } },
        503: UNAVAILABLE,
      },
      async handler(_req, res, { query }) {
        const { cursor, ...filter } = query as InstanceFilter & { cursor?: string };
        res.json(await operations.requireSource().processInstances({ ...filter, beforeKey: cursor }));
      },
    });

    routes.add({
      method: 'get', path: instancePath, operationId: 'getProcessInstance', tag: 'operations', access: OPERATORS,
      summary: 'A process instance: state, active elements counted per element, incidents, variables and the first page of its history',
      description: 'The diagram is at `.../xml`, the rest of the history at `.../history`.',
      params: instanceParams,
      responses: { 200: { description: 'The instance', schema: INSTANCE_DETAIL_SCHEMA }, 404: problem('No such instance (yet)'), 503: UNAVAILABLE },
      async handler(_req, res, { params }) {
        const source = operations.requireSource();
        const instance = await instanceOf(params.processInstanceKey);
        const [incidents, variables, history] = await Promise.all([
          source.incidentsOf(instance.processInstanceKey),
          source.variablesOf(instance.processInstanceKey),
          source.elementHistory(instance.processInstanceKey, { limit: HISTORY_IN_DETAIL }),
        ]);
        res.json({ ...instance, incidents, variables, history });
      },
    });

    routes.add({
      method: 'get', path: `${instancePath}/history`, operationId: 'getProcessInstanceHistory', tag: 'operations', access: OPERATORS,
      summary: 'The element instances of a process instance in the order they started, page by page',
      params: instanceParams, query: HISTORY_QUERY_SCHEMA,
      responses: { 200: { description: 'One page', schema: HISTORY_SCHEMA }, 404: problem('No such instance (yet)'), 503: UNAVAILABLE },
      async handler(_req, res, { params, query }) {
        const instance = await instanceOf(params.processInstanceKey);
        const { cursor, limit } = query as { cursor?: string; limit?: number };
        res.json(await operations.requireSource().elementHistory(instance.processInstanceKey, { afterKey: cursor, limit }));
      },
    });

    routes.add({
      method: 'get', path: `${instancePath}/xml`, operationId: 'getProcessInstanceXml', tag: 'operations', access: OPERATORS,
      summary: 'The BPMN XML of the process version the instance runs, for its diagram',
      params: instanceParams,
      responses: { 200: { description: 'The BPMN file', contentType: 'application/xml' }, 404: problem('No such instance (yet), or no XML for its process'), 503: UNAVAILABLE },
      async handler(_req, res, { params }) {
        const instance = await instanceOf(params.processInstanceKey);
        const definition = await operations.requireSource().processDefinitionByKey(instance.processDefinitionKey);
        // Definitions journaled before the engine kept their XML have none in its tables; this server may have it.
        const xml = definition?.resource ?? (await deployments.contentByKey(instance.processDefinitionKey))?.content;
        if (xml === undefined) throw notFound(`The BPMN XML of process definition ${instance.processDefinitionKey} is not known.`);
        res.type('application/xml').send(xml);
      },
    });

    routes.add({
      method: 'post', path: `${instancePath}/cancel`, operationId: 'cancelProcessInstance', tag: 'operations', access: OPERATORS,
      summary: 'Cancel a process instance with everything in it, the instances it called included',
      description: 'An instance a call activity started cannot be canceled on its own (409): cancel its root instance. Works against any Zeebe gateway.',
      params: instanceParams,
      responses: { 204: { description: 'Canceled' }, 404: problem('No active instance with this key'), 409: problem('A called instance; cancel its root'), ...GATEWAY },
      async handler(req, res, { params }) {
        await operations.cancel(existingKey(params.processInstanceKey, 'process instance'), requestOrigin(req));
        res.status(204).end();
      },
    });

    routes.add({
      method: 'put', path: `${instancePath}/variables/:name`, operationId: 'setProcessInstanceVariable', tag: 'operations', access: OPERATORS,
      summary: 'Set a variable of an active instance, or of one of its element instances (`scopeKey`), to a JSON value',
      description: 'The variable is set in exactly that scope (created there if it has none of that name). Setting one in an element instance\'s scope needs the exporter\'s data (503 without); the instance\'s own variables can be set against any Zeebe gateway. Audited with the value before and after, each cut to 1,000 characters.',
      params: { ...instanceParams, name: VARIABLE_NAME_SCHEMA },
      body: { json: SET_VARIABLE_BODY_SCHEMA },
      responses: {
        200: { description: 'Set', schema: { type: 'object', properties: { processInstanceKey: { type: 'string' }, scopeKey: { type: 'string' }, name: { type: 'string' }, value: { type: 'string' } } } },
        404: problem('No active instance or scope with this key'), ...GATEWAY_AND_DATA,
      },
      async handler(req, res, { params, body }) {
        const { value, scopeKey } = body as { value: string; scopeKey?: string };
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          throw validationProblem([{ pointer: '/value', detail: 'is not valid JSON text' }]);
        }
        // zeebe-node serialises variables recursively: a value nested thousands deep overflows its stack.
        if (nestingDepth(parsed) > MAX_VARIABLE_NESTING) {
          throw validationProblem([{ pointer: '/value', detail: `is nested more than ${MAX_VARIABLE_NESTING} levels deep` }]);
        }
        const processInstanceKey = existingKey(params.processInstanceKey, 'process instance');
        const scope = existingKey(scopeKey ?? processInstanceKey, 'scope');
        res.json(await operations.setVariable({ processInstanceKey, scopeKey: scope, name: params.name, value }, requestOrigin(req)));
      },
    });

    routes.add({
      method: 'post', path: '/api/operations/incidents/:incidentKey/retry', operationId: 'retryIncident', tag: 'operations', access: OPERATORS,
      summary: 'Retry what an incident stopped: give its job new retries (if it has a job) and resolve it',
      description: 'Fix the cause first (a variable, a worker). Resolving retries the step that failed; if it fails again, a new incident is raised.',
      params: { incidentKey: KEY_SCHEMA },
      body: { json: RETRY_BODY_SCHEMA },
      responses: {
        200: { description: 'Resolved', schema: { type: 'object', properties: { incidentKey: { type: 'string' }, processInstanceKey: { type: 'string' }, jobKey: { type: ['string', 'null'] }, retries: { type: ['integer', 'null'] } } } },
        404: problem('No such incident (yet)'), 409: problem('The incident is resolved already'), ...GATEWAY_AND_DATA,
      },
      async handler(req, res, { params, body }) {
        const { retries = 1 } = body as { retries?: number };
        res.json(await operations.retryIncident(existingKey(params.incidentKey, 'incident'), retries, requestOrigin(req)));
      },
    });
  },
};

const MAX_VARIABLE_NESTING = 64;

/** How deep arrays and objects nest in a parsed JSON value (a scalar is 0), without recursion. */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_VARIABLE_NESTING) return deepest;
    for (const inner of Object.values(current)) pending.push([inner, depth + 1]);
  }
  return deepest;
}
