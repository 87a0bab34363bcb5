/**
 * Deployed resources by key, for a server that reaches the engine only through the gateway protocol: process
 * definitions with their BPMN XML and forms with their schema, every version, deletions marked but kept.
 * Decisions will be two more entries (DECISION_REQUIREMENTS_CREATED, DECISION_CREATED) and their tables.
 */
import { exporterOf } from './exporter.js';

export const resourcesExporter = exporterOf('resources', {
  // A key's definition never changes, so a create exported again (a reset position) changes nothing.
  PROCESS_CREATED: (event) => [{
    sql: `INSERT INTO process_definition (process_definition_key, bpmn_process_id, version, resource_name, resource, deployment_key)
          VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (process_definition_key) DO NOTHING`,
    // Events journaled before PROCESS_CREATED carried the XML have none.
    params: [event.key, event.bpmnProcessId, event.version, event.resourceName, event.resource ?? null, event.deploymentKey],
  }],
  PROCESS_DELETED: (event, commit) => [{
    sql: 'UPDATE process_definition SET deleted_at = $2 WHERE process_definition_key = $1 AND deleted_at IS NULL',
    params: [event.key, commit.committedAt.toISOString()],
  }],
  FORM_CREATED: (event) => [{
    sql: `INSERT INTO form_definition (form_key, form_id, version, resource_name, schema, deployment_key)
          VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (form_key) DO NOTHING`,
    params: [event.key, event.formId, event.version, event.resourceName, event.schema, event.deploymentKey],
  }],
  FORM_DELETED: (event, commit) => [{
    sql: 'UPDATE form_definition SET deleted_at = $2 WHERE form_key = $1 AND deleted_at IS NULL',
    params: [event.key, commit.committedAt.toISOString()],
  }],
});
