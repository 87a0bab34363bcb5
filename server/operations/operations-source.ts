/**
 * Where the operations routes read instances, elements, variables and incidents from: the embedded engine's
 * exporter tables, handed in by whoever starts engine and server together (`main.ts` passes `RunningEngine.reads`,
 * which has this shape). The server does not import the engine, so the shape is declared here; the compiler checks
 * at that one call that the engine's reads fit it. A real Zeebe has no such tables: then there is no source, and the
 * routes that need one answer 503.
 */

export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'CANCELED';

export interface InstanceSummaryView {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  state: InstanceState;
  activeIncidents: number;
  startTime: Date;
  endTime: Date | null;
  parentProcessInstanceKey: string | null;
  parentElementInstanceKey: string | null;
}

export interface InstanceView extends InstanceSummaryView {
  activeElements: { elementId: string; active: number; incidents: number }[];
  completedElements: { elementId: string; completed: number }[];
}

export interface ElementInstanceView {
  elementInstanceKey: string;
  processInstanceKey: string;
  elementId: string;
  elementType: string;
  flowScopeKey: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startTime: Date;
  endTime: Date | null;
}

export interface VariableView {
  scopeKey: string;
  name: string;
  /** JSON text. */
  value: string;
  processInstanceKey: string;
  updatedAt: Date;
}

export interface IncidentView {
  incidentKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  errorType: string;
  errorMessage: string;
  jobKey: string | null;
  state: 'ACTIVE' | 'RESOLVED';
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface InstanceFilter {
  bpmnProcessId?: string;
  version?: number;
  state?: InstanceState | 'INCIDENT';
  parentProcessInstanceKey?: string;
  beforeKey?: string;
  limit?: number;
}

export interface OperationsSource {
  processInstances(filter?: InstanceFilter): Promise<{ instances: InstanceSummaryView[]; nextCursor: string | null }>;
  processInstance(processInstanceKey: string): Promise<InstanceView | undefined>;
  elementHistory(processInstanceKey: string, page?: { afterKey?: string; limit?: number }): Promise<{ elements: ElementInstanceView[]; nextCursor: string | null }>;
  elementInstance(elementInstanceKey: string): Promise<ElementInstanceView | undefined>;
  variablesOf(processInstanceKey: string): Promise<VariableView[]>;
  variable(scopeKey: string, name: string): Promise<VariableView | undefined>;
  incidentsOf(processInstanceKey: string): Promise<IncidentView[]>;
  incidentByKey(incidentKey: string): Promise<IncidentView | undefined>;
  /** The process definition with the BPMN XML it was deployed in (null for very old journals). */
  processDefinitionByKey(processDefinitionKey: string): Promise<{ resourceName: string; resource: string | null } | undefined>;
  /**
   * The keys of the instances whose own variable `name` holds the JSON text `jsonValue`; up to date with every
   * instance the engine acknowledged before the call (the portal's resumer asks it about `submissionId`).
   */
  findInstancesByVariable(name: string, jsonValue: string): Promise<string[]>;
}
