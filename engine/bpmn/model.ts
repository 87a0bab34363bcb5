/**
 * The executable process model: what the engine needs of a BPMN process, as plain JSON-serialisable data,
 * so that a deployment event can carry it and replaying the journal needs no XML parsing.
 */

/** Zeebe's "expression or static value": a value starting with `=` is FEEL, anything else is taken literally. */
export type ValueOrExpression =
  | { kind: 'static'; value: string }
  | { kind: 'feel'; source: string };

/** A `zeebe:input` or `zeebe:output` mapping: `source` is a FEEL expression (without the leading `=`). */
export interface VariableMapping {
  source: string;
  target: string;
}

export type ElementKind =
  | 'process'
  | 'subProcess'
  | 'startEvent'
  | 'endEvent'
  | 'intermediateThrowEvent'
  | 'serviceTask'
  | 'sendTask'
  | 'businessRuleTask'
  | 'scriptTask'
  | 'userTask'
  | 'manualTask'
  | 'task'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'intermediateCatchEvent'
  | 'boundaryEvent'
  | 'receiveTask'
  | 'callActivity'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'eventSubProcess';

/** A timer event's `timeDate`, `timeDuration` or `timeCycle`: ISO 8601 (or cron for cycles), possibly as FEEL. */
export interface TimerDefinition {
  kind: 'date' | 'duration' | 'cycle';
  value: ValueOrExpression;
}

/**
 * What an event waits for or throws. Catch events: message, timer, signal, error and escalation (a missing code
 * catches every error or escalation). Throw and end events: signal, error, escalation, terminate, link, and message
 * (which Zeebe runs as a job, so the node has `job`).
 */
export type EventDefinition =
  | { type: 'message'; messageName: ValueOrExpression; correlationKey?: string }
  | { type: 'timer'; timer: TimerDefinition }
  | { type: 'signal'; signalName: ValueOrExpression }
  | { type: 'error'; errorCode?: ValueOrExpression }
  | { type: 'escalation'; escalationCode?: ValueOrExpression }
  | { type: 'terminate' }
  | { type: 'link'; linkName: string };

/** `bpmn:multiInstanceLoopCharacteristics` with `zeebe:loopCharacteristics`; expressions without the leading `=`. */
export interface MultiInstanceDefinition {
  sequential: boolean;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

/** `zeebe:calledDecision` of a business rule task: the decision (static id or FEEL) and where its result goes. */
export interface CalledDecisionDefinition {
  decisionId: ValueOrExpression;
  resultVariable: string;
}

/** `zeebe:calledElement` of a call activity. */
export interface CallActivityDefinition {
  processId: ValueOrExpression;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

export interface JobDefinition {
  type: ValueOrExpression;
  retries: ValueOrExpression;
  headers: Record<string, string>;
}

/** `zeebe:script`: a FEEL expression whose result is written to `resultVariable`. */
export interface ScriptDefinition {
  expression: string;
  resultVariable: string;
}

/** `zeebe:formDefinition`: at most one of the two is set. */
export interface FormLink {
  /** `camunda-forms:bpmn:<id>` for an embedded `zeebe:userTaskForm`, or a custom form key. */
  formKey?: string;
  /** A form linked by id, resolved to the latest deployed form's key. */
  formId?: string;
}

/** What a user task carries into the reserved job headers of an `io.camunda.zeebe:userTask` job. */
export interface UserTaskDefinition extends FormLink {
  assignee?: ValueOrExpression;
  candidateGroups?: ValueOrExpression;
  candidateUsers?: ValueOrExpression;
  dueDate?: ValueOrExpression;
  followUpDate?: ValueOrExpression;
}

export interface FlowNode {
  id: string;
  name?: string;
  kind: ElementKind;
  /** Id of the enclosing process or sub-process. */
  parentId: string;
  incoming: string[];
  outgoing: string[];
  inputs: VariableMapping[];
  outputs: VariableMapping[];
  job?: JobDefinition;
  script?: ScriptDefinition;
  userTask?: UserTaskDefinition;
  /** Exclusive and inclusive gateway's default flow id. */
  defaultFlow?: string;
  /** For the process and sub-processes: the none start event inside. */
  noneStartEventId?: string;
  /** Start, end, intermediate catch/throw and boundary events with an event definition; receive tasks (message). */
  event?: EventDefinition;
  /** Boundary events: the id of the activity they are attached to. */
  attachedToRef?: string;
  /** Boundary events (`cancelActivity`) and start events of event sub-processes (`isInterrupting`); default true. */
  interrupting?: boolean;
  /** Activities: the ids of the boundary events attached to them, in document order. */
  boundaryEventIds?: string[];
  /** Process, sub-process and event sub-process: the start events of the event sub-processes directly inside. */
  eventSubProcessStartEventIds?: string[];
  /** The process: its start events with a message, timer or signal definition (top level only). */
  eventStartEventIds?: string[];
  /** Event sub-processes: their one start event. */
  startEventId?: string;
  /** Link throw events: the link catch event with the same link name in the same scope. */
  linkTargetId?: string;
  multiInstance?: MultiInstanceDefinition;
  callActivity?: CallActivityDefinition;
  calledDecision?: CalledDecisionDefinition;
  /** The none start event of the process: the form a citizen or clerk fills to start an instance. */
  startForm?: FormLink;
}

export interface SequenceFlow {
  id: string;
  sourceId: string;
  targetId: string;
  /** FEEL condition without the leading `=`. */
  condition?: string;
}

export interface ExecutableProcess {
  bpmnProcessId: string;
  name?: string;
  /** Every flow node, the process itself included under its own id (kind 'process'). */
  elements: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
}

/** Embedded forms (`zeebe:userTaskForm`) of a process, by id, as their JSON text. */
export type EmbeddedForms = Record<string, string>;

export interface ParsedProcess {
  process: ExecutableProcess;
  embeddedForms: EmbeddedForms;
}

/** A deployed BPMN file: its text, decoded by its declared encoding, and the executable processes in it. */
export interface ParsedBpmnResource {
  xml: string;
  processes: ParsedProcess[];
}
