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
  | 'parallelGateway';

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

/** What a user task carries into the reserved job headers of an `io.camunda.zeebe:userTask` job. */
export interface UserTaskDefinition {
  /** `camunda-forms:bpmn:<id>` for an embedded `zeebe:userTaskForm`, or a custom form key. */
  formKey?: string;
  /** A form linked by id (`zeebe:formDefinition formId`), resolved to the latest deployed form's key. */
  formId?: string;
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
  /** Exclusive gateway's default flow id. */
  defaultFlow?: string;
  /** For the process and sub-processes: the none start event inside. */
  noneStartEventId?: string;
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
