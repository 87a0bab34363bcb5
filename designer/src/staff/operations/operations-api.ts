/** Operations over the server's /api/operations routes (server/README.md, "Operations"). */
import { http } from '../../shared/http/http-client.js';

export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'CANCELED';

export interface InstanceSummary {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  state: InstanceState;
  activeIncidents: number;
  startTime: string;
  endTime: string | null;
  parentProcessInstanceKey: string | null;
  parentElementInstanceKey: string | null;
}

export interface ElementInstance {
  elementInstanceKey: string;
  processInstanceKey: string;
  elementId: string;
  elementType: string;
  flowScopeKey: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startTime: string;
  endTime: string | null;
}

export interface Variable {
  scopeKey: string;
  name: string;
  /** JSON text. */
  value: string;
  processInstanceKey: string;
  updatedAt: string;
}

export interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  errorType: string;
  errorMessage: string;
  jobKey: string | null;
  state: 'ACTIVE' | 'RESOLVED';
  createdAt: string;
  resolvedAt: string | null;
}

/** Per element: its active instances (the diagram's tokens) and how many of them an incident stops. */
export interface ActiveElement {
  elementId: string;
  active: number;
  incidents: number;
}

/** Per element: how many of its instances completed (the path the instance took). */
export interface CompletedElement {
  elementId: string;
  completed: number;
}

export interface InstanceDetail extends InstanceSummary {
  activeElements: ActiveElement[];
  completedElements: CompletedElement[];
  incidents: Incident[];
  variables: Variable[];
  history: { elements: ElementInstance[]; nextCursor: string | null };
}

export interface InstanceQuery {
  bpmnProcessId?: string;
  version?: number;
  state?: InstanceState | 'INCIDENT';
  cursor?: string;
  limit?: number;
}

const instancePath = (key: string) => `/api/operations/instances/${encodeURIComponent(key)}`;

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  return params.toString();
}

export const operationsApi = {
  instances: (query: InstanceQuery) =>
    http.request<{ instances: InstanceSummary[]; nextCursor: string | null }>(`/api/operations/instances?${queryString(query)}`),
  instance: (key: string) => http.request<InstanceDetail>(instancePath(key)),
  history: (key: string, cursor: string) =>
    http.request<InstanceDetail['history']>(`${instancePath(key)}/history?${queryString({ cursor })}`),
  xml: (key: string) => http.request<string>(`${instancePath(key)}/xml`, { read: 'text' }),
  cancel: (key: string) => http.request<void>(`${instancePath(key)}/cancel`, { method: 'POST', read: 'none' }),
  setVariable: (key: string, name: string, value: string, scopeKey?: string) =>
    http.request<Variable>(`${instancePath(key)}/variables/${encodeURIComponent(name)}`, { method: 'PUT', json: { value, scopeKey } }),
  retry: (incidentKey: string) => http.request<unknown>(`/api/operations/incidents/${encodeURIComponent(incidentKey)}/retry`, { method: 'POST', json: {} }),
};
