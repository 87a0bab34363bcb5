/**
 * The instances exporter's writes for one page of events, as a few set-based statements (arrays through `unnest`).
 * What starts and ends within the page is written once in its final state; what ends of earlier pages is updated by
 * key, since element events after ELEMENT_ACTIVATING carry only the key. Only the transitions an operator sees are
 * kept (active, completed, terminated). Inserts are upserts, so a reset position re-exports to the same rows.
 */
import type { Key } from '../state/types.js';
import type { EngineEvent, ProcessCreated } from '../processing/events.js';
import { ELEMENT_TYPES, MULTI_INSTANCE_BODY } from './element-types.js';
import type { Commit, SqlWrite } from './exporter.js';
import { resourcesExporter } from './resources-exporter.js';

interface ElementRow {
  key: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  elementId: string;
  /** Known from the event (a multi-instance body), else looked up in `process_element`. */
  elementType: string | null;
  flowScopeKey: Key;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  start: string;
  end: string | null;
  parentProcessInstanceKey: Key | null;
  parentElementInstanceKey: Key | null;
}

interface Ending {
  key: Key;
  state: 'COMPLETED' | 'TERMINATED';
  at: string;
}

interface IncidentRow {
  key: Key;
  elementInstanceKey: Key;
  errorType: string;
  errorMessage: string;
  jobKey: Key | null;
  createdAt: string;
  resolvedAt: string | null;
}

interface VariableRow {
  scopeKey: Key;
  name: string;
  key: Key;
  processInstanceKey: Key;
  value: string;
  at: string;
}

/**
 * PostgreSQL text cannot hold NUL. Messages and variable names come from workers and forms, and one NUL would fail
 * every retry of the page it is in, so it is replaced rather than refused.
 */
const storable = (text: string) => text.replaceAll('\u0000', '\uFFFD');

export class InstancePageWrites {
  private readonly definitionWrites: SqlWrite[] = [];
  private readonly processElements: { definitionKey: Key; elementId: string; type: string; name: string | null }[] = [];
  private readonly elements = new Map<Key, ElementRow>();
  private readonly earlierEndings: Ending[] = [];
  /** By scope and (storable) name, so that the page's last value wins and no row is written twice in a statement. */
  private readonly variables = new Map<string, VariableRow>();
  private readonly incidents = new Map<Key, IncidentRow>();
  private readonly earlierResolutions: { key: Key; at: string }[] = [];

  add(event: EngineEvent, commit: Commit): void {
    const at = commit.committedAt.toISOString();
    switch (event.type) {
      case 'PROCESS_CREATED':
        return this.processCreated(event, commit);
      case 'ELEMENT_ACTIVATING':
        this.elements.set(event.key, {
          key: event.key, processInstanceKey: event.processInstanceKey, processDefinitionKey: event.processDefinitionKey, elementId: event.elementId,
          elementType: event.multiInstanceBody ? MULTI_INSTANCE_BODY : null, flowScopeKey: event.flowScopeKey, state: 'ACTIVE', start: at, end: null,
          parentProcessInstanceKey: event.parentProcessInstanceKey ?? null, parentElementInstanceKey: event.parentElementInstanceKey ?? null,
        });
        return;
      case 'ELEMENT_COMPLETED':
      case 'ELEMENT_TERMINATED':
        return this.elementEnded({ key: event.key, state: event.type === 'ELEMENT_COMPLETED' ? 'COMPLETED' : 'TERMINATED', at });
      case 'VARIABLE_CREATED':
      case 'VARIABLE_UPDATED': {
        const name = storable(event.name);
        this.variables.set(JSON.stringify([event.scopeKey, name]), {
          scopeKey: event.scopeKey, name, key: event.key, processInstanceKey: event.processInstanceKey, value: JSON.stringify(event.value) ?? 'null', at,
        });
        return;
      }
      case 'INCIDENT_CREATED':
        this.incidents.set(event.key, {
          key: event.key, elementInstanceKey: event.elementInstanceKey, errorType: event.errorType, errorMessage: storable(event.errorMessage),
          jobKey: event.jobKey === -1 ? null : event.jobKey, createdAt: at, resolvedAt: null,
        });
        return;
      case 'INCIDENT_RESOLVED': {
        const incident = this.incidents.get(event.key);
        if (incident) incident.resolvedAt = at;
        else this.earlierResolutions.push({ key: event.key, at });
        return;
      }
      default:
        // Jobs, timers, messages, flows: not part of what the operations view shows.
        return;
    }
  }

  /** In dependency order: definitions before the instances that use them, rows before the updates of them. */
  writes(): SqlWrite[] {
    const elements = [...this.elements.values()];
    const roots = elements.filter((element) => element.flowScopeKey === -1);
    return [
      ...this.definitionWrites,
      ...this.processElementWrites(),
      ...this.elementWrites(elements),
      ...this.processInstanceWrites(roots),
      ...this.earlierEndingWrites(),
      ...this.variableWrites(),
      ...this.incidentWrites(),
    ];
  }

  private processCreated(event: ProcessCreated, commit: Commit): void {
    // The resources exporter's own upsert of the definition (whichever exporter comes first writes it), so that the
    // process instances find their process id and version even if that exporter lags or is not run.
    this.definitionWrites.push(...resourcesExporter.writesFor(event, commit));
    for (const node of Object.values(event.model.elements)) {
      this.processElements.push({ definitionKey: event.key, elementId: node.id, type: ELEMENT_TYPES[node.kind], name: node.name ?? null });
    }
  }

  private elementEnded(ending: Ending): void {
    const element = this.elements.get(ending.key);
    if (!element) {
      this.earlierEndings.push(ending);
      return;
    }
    element.state = ending.state;
    element.end = ending.at;
  }

  private processElementWrites(): SqlWrite[] {
    if (this.processElements.length === 0) return [];
    const rows = this.processElements;
    return [{
      sql: `INSERT INTO process_element (process_definition_key, element_id, element_type, element_name)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])
            ON CONFLICT (process_definition_key, element_id) DO NOTHING`,
      params: [rows.map((row) => row.definitionKey), rows.map((row) => row.elementId), rows.map((row) => row.type), rows.map((row) => row.name)],
    }];
  }

  private elementWrites(elements: ElementRow[]): SqlWrite[] {
    if (elements.length === 0) return [];
    return [{
      sql: `INSERT INTO element_instance (element_instance_key, process_instance_key, process_definition_key, element_id, element_type,
              flow_scope_key, state, start_time, end_time)
            SELECT e.key, e.instance_key, e.definition_key, e.element_id, coalesce(e.element_type, pe.element_type, 'UNKNOWN'),
              e.flow_scope_key, e.state, e.start_time, e.end_time
            FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::timestamptz[], $9::timestamptz[])
              AS e(key, instance_key, definition_key, element_id, element_type, flow_scope_key, state, start_time, end_time)
            LEFT JOIN process_element pe ON pe.process_definition_key = e.definition_key AND pe.element_id = e.element_id
            ON CONFLICT (element_instance_key) DO UPDATE SET state = excluded.state, end_time = excluded.end_time`,
      params: [
        elements.map((e) => e.key), elements.map((e) => e.processInstanceKey), elements.map((e) => e.processDefinitionKey),
        elements.map((e) => e.elementId), elements.map((e) => e.elementType), elements.map((e) => e.flowScopeKey), elements.map((e) => e.state),
        elements.map((e) => e.start), elements.map((e) => e.end),
      ],
    }];
  }

  private processInstanceWrites(roots: ElementRow[]): SqlWrite[] {
    if (roots.length === 0) return [];
    return [{
      sql: `INSERT INTO process_instance (process_instance_key, process_definition_key, bpmn_process_id, version, state, start_time, end_time,
              parent_process_instance_key, parent_element_instance_key)
            SELECT p.key, d.process_definition_key, d.bpmn_process_id, d.version, p.state, p.start_time, p.end_time, p.parent_key, p.parent_element_key
            FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::bigint[], $7::bigint[])
              AS p(key, definition_key, state, start_time, end_time, parent_key, parent_element_key)
            JOIN process_definition d ON d.process_definition_key = p.definition_key
            ON CONFLICT (process_instance_key) DO UPDATE SET state = excluded.state, end_time = excluded.end_time`,
      params: [
        roots.map((root) => root.key), roots.map((root) => root.processDefinitionKey), roots.map((root) => instanceState(root.state)),
        roots.map((root) => root.start), roots.map((root) => root.end), roots.map((root) => root.parentProcessInstanceKey),
        roots.map((root) => root.parentElementInstanceKey),
      ],
    }];
  }

  /** Elements that started in earlier pages; those that are process instances end the process instance too. */
  private earlierEndingWrites(): SqlWrite[] {
    if (this.earlierEndings.length === 0) return [];
    const endings = this.earlierEndings;
    const params = [endings.map((ending) => ending.key), endings.map((ending) => ending.state), endings.map((ending) => ending.at)];
    return [
      {
        sql: `UPDATE element_instance e SET state = u.state, end_time = u.end_time
              FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) AS u(key, state, end_time) WHERE e.element_instance_key = u.key`,
        params,
      },
      {
        sql: `UPDATE process_instance p SET state = CASE u.state WHEN 'COMPLETED' THEN 'COMPLETED' ELSE 'CANCELED' END, end_time = u.end_time
              FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) AS u(key, state, end_time) WHERE p.process_instance_key = u.key`,
        params,
      },
    ];
  }

  private variableWrites(): SqlWrite[] {
    if (this.variables.size === 0) return [];
    const rows = [...this.variables.values()];
    return [{
      sql: `INSERT INTO variable (scope_key, name, variable_key, process_instance_key, value, updated_at)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::timestamptz[])
            ON CONFLICT (scope_key, name) DO UPDATE SET variable_key = excluded.variable_key, value = excluded.value, updated_at = excluded.updated_at`,
      params: [rows.map((row) => row.scopeKey), rows.map((row) => row.name), rows.map((row) => row.key), rows.map((row) => row.processInstanceKey),
        rows.map((row) => row.value), rows.map((row) => row.at)],
    }];
  }

  /** New incidents (their instance and element from `element_instance`), then resolutions of earlier ones. */
  private incidentWrites(): SqlWrite[] {
    const writes: SqlWrite[] = [];
    const incidents = [...this.incidents.values()];
    if (incidents.length > 0) {
      writes.push({
        sql: `INSERT INTO incident (incident_key, process_instance_key, process_definition_key, element_instance_key, element_id, error_type,
                error_message, job_key, state, created_at, resolved_at)
              SELECT i.key, e.process_instance_key, e.process_definition_key, e.element_instance_key, e.element_id, i.error_type, i.error_message,
                i.job_key, CASE WHEN i.resolved_at IS NULL THEN 'ACTIVE' ELSE 'RESOLVED' END, i.created_at, i.resolved_at
              FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[], $7::timestamptz[])
                AS i(key, element_instance_key, error_type, error_message, job_key, created_at, resolved_at)
              JOIN element_instance e ON e.element_instance_key = i.element_instance_key
              ON CONFLICT (incident_key) DO UPDATE SET state = excluded.state, resolved_at = excluded.resolved_at`,
        params: [
          incidents.map((incident) => incident.key), incidents.map((incident) => incident.elementInstanceKey), incidents.map((incident) => incident.errorType),
          incidents.map((incident) => incident.errorMessage), incidents.map((incident) => incident.jobKey), incidents.map((incident) => incident.createdAt),
          incidents.map((incident) => incident.resolvedAt),
        ],
      });
    }
    if (this.earlierResolutions.length > 0) {
      writes.push({
        sql: `UPDATE incident SET state = 'RESOLVED', resolved_at = u.resolved_at
              FROM unnest($1::bigint[], $2::timestamptz[]) AS u(key, resolved_at) WHERE incident_key = u.key AND state = 'ACTIVE'`,
        params: [this.earlierResolutions.map((resolution) => resolution.key), this.earlierResolutions.map((resolution) => resolution.at)],
      });
    }
    return writes;
  }
}

function instanceState(state: ElementRow['state']): 'ACTIVE' | 'COMPLETED' | 'CANCELED' {
  return state === 'TERMINATED' ? 'CANCELED' : state;
}
