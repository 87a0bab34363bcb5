/**
 * Deployed resources by key, for a server that reaches the engine only through the gateway protocol: process
 * definitions with their BPMN XML, forms with their schema, decision requirements with their DMN XML and their
 * decisions; every version, deletions marked but kept.
 */
import { exporterOf } from './exporter.js';
import { startFormColumns } from './start-form.js';

export const resourcesExporter = exporterOf('resources', {
  // A key's definition never changes, so a create exported again (a reset position) changes nothing.
  PROCESS_CREATED: (event) => {
    const startForm = startFormColumns(event.model, event.embeddedForms);
    return [{
      sql: `INSERT INTO process_definition (process_definition_key, bpmn_process_id, version, resource_name, resource, deployment_key,
              start_form_id, start_form_key, start_form_schema)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (process_definition_key) DO NOTHING`,
      // Events journaled before PROCESS_CREATED carried the XML have none.
      params: [event.key, event.bpmnProcessId, event.version, event.resourceName, event.resource ?? null, event.deploymentKey,
        startForm.formId, startForm.formKey, startForm.schema],
    }];
  },
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
  DECISION_REQUIREMENTS_CREATED: (event) => [{
    sql: `INSERT INTO decision_requirements (decision_requirements_key, decision_requirements_id, name, version, resource_name, resource, deployment_key)
          VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (decision_requirements_key) DO NOTHING`,
    params: [event.key, event.decisionRequirementsId, event.name, event.version, event.resourceName, event.graph.xml, event.deploymentKey],
  }],
  DECISION_CREATED: (event) => [{
    sql: `INSERT INTO decision_definition (decision_key, decision_id, name, version, decision_requirements_key, deployment_key)
          VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (decision_key) DO NOTHING`,
    params: [event.key, event.decisionId, event.name, event.version, event.decisionRequirementsKey, event.deploymentKey],
  }],
  DECISION_REQUIREMENTS_DELETED: (event, commit) => [
    {
      sql: 'UPDATE decision_requirements SET deleted_at = $2 WHERE decision_requirements_key = $1 AND deleted_at IS NULL',
      params: [event.key, commit.committedAt.toISOString()],
    },
    {
      sql: 'UPDATE decision_definition SET deleted_at = $2 WHERE decision_requirements_key = $1 AND deleted_at IS NULL',
      params: [event.key, commit.committedAt.toISOString()],
    },
  ],
});
