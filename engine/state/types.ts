/** The engine's in-memory state entities. They change only through event appliers. */
import type { ExecutableProcess, EmbeddedForms } from '../bpmn/model.js';
import type { DecisionRequirementsGraph } from '../dmn/model.js';

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

/** A deployed `.dmn` resource: Zeebe's decision requirements, holding the parsed graph (with its XML). */
export interface DecisionRequirementsDefinition {
  key: Key;
  decisionRequirementsId: string;
  name: string;
  version: number;
  resourceName: string;
  checksum: string;
  deploymentKey: Key;
  graph: DecisionRequirementsGraph;
}

/** One decision of a deployed decision requirements graph, versioned by its decision id. */
export interface DecisionDefinition {
  key: Key;
  decisionId: string;
  name: string;
  version: number;
  decisionRequirementsKey: Key;
  decisionRequirementsId: string;
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
  /** Tokens that arrived at a parallel or inclusive join in this scope and wait until it may activate. */
  waitingTokens: number;
  jobKey?: Key;
  incidentKey?: Key;
  /** The body of a multi-instance activity (same element id as the inner instances inside it). */
  multiInstanceBody?: boolean;
  /** A multi-instance body: how many inner instances it created, and how they ended. */
  innerInstances?: InnerInstanceCounts;
  /** An inner instance of a multi-instance body: its 1-based position in the input collection. */
  loopCounter?: number;
  /** The root of a process instance that a call activity created: that call activity's instance. */
  parentElementInstanceKey?: Key;
  /** The root of a process instance that a call activity created: the process instance of that call activity. */
  parentProcessInstanceKey?: Key;
  /** A call activity: the root of the process instance it created, while that runs. */
  calledProcessInstanceKey?: Key;
  /** What triggered a catch event, boundary event, event start event or event sub-process: the variables it carries. */
  triggerVariables?: Record<string, unknown>;
  /** A process instance started by a message with a correlation key: no second one starts for that key meanwhile. */
  startCorrelationKey?: string;
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
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR'
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

/** A pending timer of a catch event, boundary event or event sub-process (of `elementInstanceKey`), or of a timer start event (-1). */
export interface Timer {
  key: Key;
  elementInstanceKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  /** The timer event: a catch, boundary or start event. */
  targetElementId: string;
  dueDate: number;
  /** Fires left, this one included; -1 for an unbounded cycle. */
  repetitions: number;
  /** The cycle's text (ISO 8601 repeating interval or cron), to compute the next due date; absent for one-off timers. */
  cycle?: string;
}

/** An open subscription of an element instance to a message: `targetElementId` is the catch event it triggers. */
export interface MessageSubscription {
  key: Key;
  elementInstanceKey: Key;
  processInstanceKey: Key;
  bpmnProcessId: string;
  targetElementId: string;
  messageName: string;
  correlationKey: string;
  interrupting: boolean;
}

export interface SignalSubscription {
  key: Key;
  elementInstanceKey: Key;
  processInstanceKey: Key;
  targetElementId: string;
  signalName: string;
  interrupting: boolean;
}

/** A published message buffered for its time to live, for subscriptions that open later. */
export interface Message {
  key: Key;
  name: string;
  correlationKey: string;
  messageId: string;
  variables: Record<string, unknown>;
  /** Epoch ms when the message expires. */
  deadline: number;
  /** BPMN process ids it was correlated to: a message correlates at most once per process. */
  correlatedProcessIds: string[];
}
