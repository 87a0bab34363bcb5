/**
 * BPMN resources for the engine: `parseBpmnResource` turns a deployed `.bpmn` file into the executable process
 * model (plain data, see model.ts) or a rejection that names each offending element, as Zeebe's deployment does.
 */
export { parseBpmnResource } from './parse-bpmn-resource.js';
export type {
  ElementKind,
  EmbeddedForms,
  ExecutableProcess,
  FlowNode,
  JobDefinition,
  ParsedBpmnResource,
  ParsedProcess,
  ScriptDefinition,
  SequenceFlow,
  UserTaskDefinition,
  ValueOrExpression,
  VariableMapping,
} from './model.js';
