/**
 * Process instances, the history of their element instances, their variables and incidents, for the operations view
 * (`instance-reads.ts`). Element events after ELEMENT_ACTIVATING carry only the key, and incidents only the element
 * instance, so the writes look up what they need in the exporter's own tables, which the same page's transaction
 * has already written. Only the transitions an operator sees are written (active, completed, terminated): two
 * statements per element instance, as every journal batch passes through here.
 */
import type { ElementKind } from '../bpmn/model.js';
import type { ProcessCreated } from '../processing/events.js';
import { exporterOf, type SqlWrite } from './exporter.js';
import { resourcesExporter } from './resources-exporter.js';

/** Zeebe's names of the BPMN element types (its `BpmnElementType`), as Operate shows them. */
const ELEMENT_TYPES: Record<ElementKind, string> = {
  process: 'PROCESS',
  subProcess: 'SUB_PROCESS',
  eventSubProcess: 'EVENT_SUB_PROCESS',
  startEvent: 'START_EVENT',
  endEvent: 'END_EVENT',
  intermediateThrowEvent: 'INTERMEDIATE_THROW_EVENT',
  intermediateCatchEvent: 'INTERMEDIATE_CATCH_EVENT',
  boundaryEvent: 'BOUNDARY_EVENT',
  serviceTask: 'SERVICE_TASK',
  sendTask: 'SEND_TASK',
  businessRuleTask: 'BUSINESS_RULE_TASK',
  scriptTask: 'SCRIPT_TASK',
  userTask: 'USER_TASK',
  manualTask: 'MANUAL_TASK',
  task: 'TASK',
  receiveTask: 'RECEIVE_TASK',
  callActivity: 'CALL_ACTIVITY',
  exclusiveGateway: 'EXCLUSIVE_GATEWAY',
  parallelGateway: 'PARALLEL_GATEWAY',
  inclusiveGateway: 'INCLUSIVE_GATEWAY',
  eventBasedGateway: 'EVENT_BASED_GATEWAY',
};

/** The body of a multi-instance activity shares the activity's element id; Zeebe calls its type this. */
export const MULTI_INSTANCE_BODY = 'MULTI_INSTANCE_BODY';

/**
 * PostgreSQL text cannot hold NUL. Messages and variable names come from workers and forms, and one NUL would fail
 * every retry of the page it is in, so it is replaced rather than refused.
 */
const storable = (text: string) => text.replaceAll('\u0000', '\uFFFD');

export const instancesExporter = exporterOf('instances', {
  PROCESS_CREATED: (event, commit) => [
    // The resources exporter's own upsert of the definition (whichever exporter comes first writes it), so that the
    // process instances written next find their process id and version even if that exporter lags or is not run.
    ...resourcesExporter.writesFor(event, commit),
    processElements(event),
  ],

  ELEMENT_ACTIVATING: (event, commit) => {
    const writes: SqlWrite[] = [{
      sql: `INSERT INTO element_instance (element_instance_key, process_instance_key, process_definition_key, element_id, element_type,
              flow_scope_key, state, start_time)
            VALUES ($1, $2, $3, $4::text,
              coalesce($5::text, (SELECT element_type FROM process_element WHERE process_definition_key = $3 AND element_id = $4::text), 'UNKNOWN'),
              $6, 'ACTIVE', $7)
            ON CONFLICT (element_instance_key) DO NOTHING`,
      params: [event.key, event.processInstanceKey, event.processDefinitionKey, event.elementId, event.multiInstanceBody ? MULTI_INSTANCE_BODY : null,
        event.flowScopeKey, commit.committedAt.toISOString()],
    }];
    if (event.flowScopeKey === -1) {
      writes.push({
        sql: `INSERT INTO process_instance (process_instance_key, process_definition_key, bpmn_process_id, version, state, start_time,
                parent_process_instance_key, parent_element_instance_key)
              SELECT $1, process_definition_key, bpmn_process_id, version, 'ACTIVE', $3, $4, $5 FROM process_definition WHERE process_definition_key = $2
              ON CONFLICT (process_instance_key) DO NOTHING`,
        params: [event.key, event.processDefinitionKey, commit.committedAt.toISOString(), event.parentProcessInstanceKey ?? null, event.parentElementInstanceKey ?? null],
      });
    }
    return writes;
  },
  ELEMENT_COMPLETED: (event, commit) => [elementEnded(event.key, 'COMPLETED', 'COMPLETED', commit.committedAt)],
  ELEMENT_TERMINATED: (event, commit) => [elementEnded(event.key, 'TERMINATED', 'CANCELED', commit.committedAt)],

  VARIABLE_CREATED: (event, commit) => [variableWritten(event, commit.committedAt)],
  VARIABLE_UPDATED: (event, commit) => [variableWritten(event, commit.committedAt)],

  INCIDENT_CREATED: (event, commit) => [{
    sql: `INSERT INTO incident (incident_key, process_instance_key, process_definition_key, element_instance_key, element_id, error_type,
            error_message, job_key, state, created_at)
          SELECT $1, process_instance_key, process_definition_key, element_instance_key, element_id, $3, $4, $5, 'ACTIVE', $6
          FROM element_instance WHERE element_instance_key = $2
          ON CONFLICT (incident_key) DO NOTHING`,
    params: [event.key, event.elementInstanceKey, event.errorType, storable(event.errorMessage), event.jobKey === -1 ? null : event.jobKey,
      commit.committedAt.toISOString()],
  }],
  INCIDENT_RESOLVED: (event, commit) => [{
    sql: `UPDATE incident SET state = 'RESOLVED', resolved_at = $2 WHERE incident_key = $1 AND state = 'ACTIVE'`,
    params: [event.key, commit.committedAt.toISOString()],
  }],
});

/** One statement for all elements of a process, the process itself included. */
function processElements(event: ProcessCreated): SqlWrite {
  const nodes = Object.values(event.model.elements);
  return {
    sql: `INSERT INTO process_element (process_definition_key, element_id, element_type, element_name)
          SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
          ON CONFLICT (process_definition_key, element_id) DO NOTHING`,
    params: [event.key, nodes.map((node) => node.id), nodes.map((node) => ELEMENT_TYPES[node.kind]), nodes.map((node) => node.name ?? null)],
  };
}

/** The element instance ends; when it is a process instance (flow scope -1), the process instance ends with it. */
function elementEnded(key: number, elementState: 'COMPLETED' | 'TERMINATED', instanceState: 'COMPLETED' | 'CANCELED', at: Date): SqlWrite {
  return {
    sql: `WITH ended AS (
            UPDATE element_instance SET state = $2, end_time = $3 WHERE element_instance_key = $1 RETURNING flow_scope_key
          )
          UPDATE process_instance SET state = $4, end_time = $3
          WHERE process_instance_key = $1 AND EXISTS (SELECT 1 FROM ended WHERE flow_scope_key = -1)`,
    params: [key, elementState, at.toISOString(), instanceState],
  };
}

function variableWritten(event: { key: number; name: string; value: unknown; scopeKey: number; processInstanceKey: number }, at: Date): SqlWrite {
  return {
    sql: `INSERT INTO variable (scope_key, name, variable_key, process_instance_key, value, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
          ON CONFLICT (scope_key, name) DO UPDATE SET variable_key = excluded.variable_key, value = excluded.value, updated_at = excluded.updated_at`,
    params: [event.scopeKey, storable(event.name), event.key, event.processInstanceKey, JSON.stringify(event.value) ?? 'null', at.toISOString()],
  };
}
