/** The engine's in-memory state entities. They change only through event appliers. */
import type { ExecutableProcess, EmbeddedForms } from '../bpmn/model.js';

export type Key = number;

export interface ProcessDefinition {
  key: Key;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  checksum: string;
  model: ExecutableProcess;
  embeddedForms: EmbeddedForms;
  deploymentKey: Key;
}

export interface FormDefinition {
  key: Key;
  formId: string;
  version: number;
  resourceName: string;
  checksum: string;
  schema: string;
  deploymentKey: Key;
}

export type ElementState = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'TERMINATING';

export interface ElementInstance {
  key: Key;
  elementId: string;
  /** Key of the enclosing element instance; -1 for a process instance. */
  flowScopeKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  state: ElementState;
  /** Element instances inside this one that have not yet completed or terminated. */
  activeChildren: number;
  /** Tokens that arrived at a parallel join in this scope and wait for the others. */
  waitingTokens: number;
  jobKey?: Key;
  incidentKey?: Key;
  /** The body of a multi-instance activity: how many inner instances it created, and how they ended. */
  multiInstanceBody?: InnerInstanceCounts;
  /** An inner instance of a multi-instance body: its 1-based position in the input collection. */
  loopCounter?: number;
  /** The root of a process instance that a call activity created: that call activity's instance. */
  parentElementInstanceKey?: Key;
  /** The root of a process instance that a call activity created: the process instance of that call activity. */
  parentProcessInstanceKey?: Key;
  /** A call activity: the root of the process instance it created, while that runs. */
  calledProcessInstanceKey?: Key;
}

export interface InnerInstanceCounts {
  created: number;
  completed: number;
  terminated: number;
}

export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'BACKOFF' | 'ERROR_THROWN';

export interface Job {
  key: Key;
  type: string;
  state: JobState;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  elementId: string;
  elementInstanceKey: Key;
  customHeaders: Record<string, string>;
  retries: number;
  worker: string;
  /** Epoch ms when an activated job times out; -1 unless activated. */
  deadline: number;
  /** Epoch ms when a job failed with back-off becomes activatable again; -1 otherwise. */
  recurAt: number;
  errorMessage: string;
  errorCode: string;
}

export type IncidentErrorType =
  | 'JOB_NO_RETRIES'
  | 'EXTRACT_VALUE_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'CONDITION_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'FORM_NOT_FOUND'
  | 'CALLED_ELEMENT_ERROR'
  | 'UNKNOWN';

/** Which step of the element's lifecycle to retry once the incident is resolved. */
export type IncidentRetryStep = 'activate' | 'complete' | 'job';

export interface Incident {
  key: Key;
  errorType: IncidentErrorType;
  errorMessage: string;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  bpmnProcessId: string;
  elementId: string;
  elementInstanceKey: Key;
  jobKey: Key;
  retryStep: IncidentRetryStep;
}

export interface Variable {
  key: Key;
  value: unknown;
}
