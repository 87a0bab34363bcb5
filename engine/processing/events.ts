/**
 * Events are the only thing the journal holds: applying them in order rebuilds the engine state exactly.
 * Element events after ELEMENT_ACTIVATING carry only the key; the state knows the rest.
 */
import type { FormDefinition, IncidentErrorType, IncidentRetryStep, Key, ProcessDefinition } from '../state/types.js';

export type ProcessCreated = { type: 'PROCESS_CREATED' } & ProcessDefinition;

export type FormCreated = { type: 'FORM_CREATED' } & FormDefinition;

export interface DeploymentCreated {
  type: 'DEPLOYMENT_CREATED';
  key: Key;
  resourceNames: string[];
}

export interface ElementActivating {
  type: 'ELEMENT_ACTIVATING';
  key: Key;
  elementId: string;
  flowScopeKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  /** The instance is the body of a multi-instance activity, which its inner instances run in. */
  multiInstanceBody?: true;
  /** An inner instance of a multi-instance body, at this 1-based position of the input collection. */
  loopCounter?: number;
  /** A process instance created by a call activity: that call activity's instance and its process instance. */
  parentElementInstanceKey?: Key;
  parentProcessInstanceKey?: Key;
}

export interface ElementTransition {
  type: 'ELEMENT_ACTIVATED' | 'ELEMENT_COMPLETING' | 'ELEMENT_COMPLETED' | 'ELEMENT_TERMINATING' | 'ELEMENT_TERMINATED';
  key: Key;
}

export interface SequenceFlowTaken {
  type: 'SEQUENCE_FLOW_TAKEN';
  key: Key;
  flowId: string;
  flowScopeKey: Key;
  /** True when the flow ends in a parallel join that must wait for its other incoming flows. */
  waitsAtJoin: boolean;
}

/** The tokens that waited at a parallel join were consumed by its activation. */
export interface JoinConsumed {
  type: 'JOIN_CONSUMED';
  key: Key;
  flowScopeKey: Key;
  gatewayId: string;
  flowIds: string[];
}

export interface VariableWritten {
  type: 'VARIABLE_CREATED' | 'VARIABLE_UPDATED';
  key: Key;
  name: string;
  value: unknown;
  scopeKey: Key;
  processInstanceKey: Key;
}

export interface JobCreated {
  type: 'JOB_CREATED';
  key: Key;
  jobType: string;
  retries: number;
  customHeaders: Record<string, string>;
  elementInstanceKey: Key;
}

export interface JobActivated {
  type: 'JOB_ACTIVATED';
  key: Key;
  worker: string;
  deadline: number;
}

export interface JobFailed {
  type: 'JOB_FAILED';
  key: Key;
  retries: number;
  errorMessage: string;
  recurAt: number;
}

export interface JobErrorThrown {
  type: 'JOB_ERROR_THROWN';
  key: Key;
  errorCode: string;
  errorMessage: string;
}

export interface JobSimpleTransition {
  type: 'JOB_COMPLETED' | 'JOB_TIMED_OUT' | 'JOB_RECURRED' | 'JOB_CANCELED';
  key: Key;
}

export interface JobRetriesUpdated {
  type: 'JOB_RETRIES_UPDATED';
  key: Key;
  retries: number;
}

export interface JobTimeoutUpdated {
  type: 'JOB_TIMEOUT_UPDATED';
  key: Key;
  deadline: number;
}

export interface IncidentCreated {
  type: 'INCIDENT_CREATED';
  key: Key;
  errorType: IncidentErrorType;
  errorMessage: string;
  elementInstanceKey: Key;
  jobKey: Key;
  retryStep: IncidentRetryStep;
}

export interface IncidentResolved {
  type: 'INCIDENT_RESOLVED';
  key: Key;
}

export type EngineEvent =
  | ProcessCreated
  | FormCreated
  | DeploymentCreated
  | ElementActivating
  | ElementTransition
  | SequenceFlowTaken
  | JoinConsumed
  | VariableWritten
  | JobCreated
  | JobActivated
  | JobFailed
  | JobErrorThrown
  | JobSimpleTransition
  | JobRetriesUpdated
  | JobTimeoutUpdated
  | IncidentCreated
  | IncidentResolved;

export type EventType = EngineEvent['type'];
