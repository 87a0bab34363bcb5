/**
 * Events are the only thing the journal holds: applying them in order rebuilds the engine state exactly.
 * Element events after ELEMENT_ACTIVATING carry only the key; the state knows the rest.
 */
import type {
  DecisionDefinition, DecisionRequirementsDefinition, FormDefinition, IncidentErrorType, IncidentRetryStep, Key, Message, MessageSubscription, ProcessDefinition, SignalSubscription, Timer,
} from '../state/types.js';

/**
 * `resource` is the BPMN XML the process came from (the whole file, so each process of a multi-process file carries
 * it), for exporters. The state does not keep it: the engine runs the parsed model, and every deployed version's XML
 * in the state would grow each snapshot and the time to write one.
 */
export type ProcessCreated = { type: 'PROCESS_CREATED'; resource: string } & ProcessDefinition;

export type FormCreated = { type: 'FORM_CREATED' } & FormDefinition;

export type DecisionRequirementsCreated = { type: 'DECISION_REQUIREMENTS_CREATED' } & DecisionRequirementsDefinition;

export type DecisionCreated = { type: 'DECISION_CREATED' } & DecisionDefinition;

/** A deleted decision requirements graph; its decisions go with it. */
export interface DecisionRequirementsDeleted {
  type: 'DECISION_REQUIREMENTS_DELETED';
  key: Key;
}

/** The record of one decision evaluation, for audit and operations; it changes no state. */
export interface DecisionEvaluated {
  type: 'DECISION_EVALUATED';
  key: Key;
  decisionKey: Key;
  /** The business rule task's element instance, or -1 for EvaluateDecision. */
  elementInstanceKey: Key;
  /** The decision's output as JSON text, or the failure's message. */
  output: string;
  failed: boolean;
}

/** A process definition was deleted (DeleteResource); its version number is never given out again. */
export interface ProcessDeleted {
  type: 'PROCESS_DELETED';
  key: Key;
  bpmnProcessId: string;
  version: number;
}

export interface FormDeleted {
  type: 'FORM_DELETED';
  key: Key;
  formId: string;
  version: number;
}

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
  /** Set when an event triggers the element (a catch, boundary or start event, an event sub-process). */
  triggerVariables?: Record<string, unknown>;
  /** For a process instance started by a message with a correlation key. */
  startCorrelationKey?: string;
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
  /** True when the flow ends in a parallel or inclusive join, where the token waits until the gateway may activate. */
  waitsAtJoin: boolean;
}

/**
 * The join's activation consumed one waiting token of each flow in `flowIds`: every incoming flow of a parallel join,
 * those that have a token of an inclusive join.
 */
export interface JoinConsumed {
  type: 'JOIN_CONSUMED';
  key: Key;
  flowScopeKey: Key;
  gatewayId: string;
  flowIds: string[];
}

/** A terminate end event ended its flow scope: the tokens waiting at joins there are gone. */
export interface WaitingTokensDiscarded {
  type: 'WAITING_TOKENS_DISCARDED';
  key: Key;
  flowScopeKey: Key;
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

export type TimerCreated = { type: 'TIMER_CREATED' } & Timer;

export type MessageSubscriptionCreated = { type: 'MESSAGE_SUBSCRIPTION_CREATED' } & MessageSubscription;

export type SignalSubscriptionCreated = { type: 'SIGNAL_SUBSCRIPTION_CREATED' } & SignalSubscription;

/** A timer fired or was canceled; a subscription was closed; a buffered message expired. */
export interface SubscriptionClosed {
  type: 'TIMER_TRIGGERED' | 'TIMER_CANCELED' | 'MESSAGE_SUBSCRIPTION_DELETED' | 'SIGNAL_SUBSCRIPTION_DELETED' | 'MESSAGE_EXPIRED';
  key: Key;
}

/** The message's `deadline` is -1 without a time to live: then it is not buffered. */
export type MessagePublished = { type: 'MESSAGE_PUBLISHED' } & Omit<Message, 'correlatedProcessIds'>;

export interface MessageCorrelated {
  type: 'MESSAGE_CORRELATED';
  /** The message's key. */
  key: Key;
  bpmnProcessId: string;
}

export interface SignalBroadcast {
  type: 'SIGNAL_BROADCAST';
  key: Key;
  name: string;
}

export type EngineEvent =
  | ProcessCreated
  | FormCreated
  | DecisionRequirementsCreated
  | DecisionCreated
  | DecisionRequirementsDeleted
  | DecisionEvaluated
  | ProcessDeleted
  | FormDeleted
  | DeploymentCreated
  | ElementActivating
  | ElementTransition
  | SequenceFlowTaken
  | JoinConsumed
  | WaitingTokensDiscarded
  | VariableWritten
  | JobCreated
  | JobActivated
  | JobFailed
  | JobErrorThrown
  | JobSimpleTransition
  | JobRetriesUpdated
  | JobTimeoutUpdated
  | IncidentCreated
  | IncidentResolved
  | TimerCreated
  | MessageSubscriptionCreated
  | SignalSubscriptionCreated
  | SubscriptionClosed
  | MessagePublished
  | MessageCorrelated
  | SignalBroadcast;

export type EventType = EngineEvent['type'];

/** The event record that can carry a given type (some records share one shape for several types). */
export type EventOfType<Type extends EventType, E = EngineEvent> = E extends { type: infer Types } ? (Type extends Types ? E : never) : never;
