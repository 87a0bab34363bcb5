/** How the operations view names element types: as Zeebe does. */
import type { ElementKind } from '../bpmn/model.js';

/** Zeebe's names of the BPMN element types (its `BpmnElementType`), as Operate shows them. */
export const ELEMENT_TYPES: Record<ElementKind, string> = {
  process: 'PROCESS',
  subProcess: 'SUB_PROCESS',
  eventSubProcess: 'EVENT_SUB_PROCESS',
  startEvent: 'START_EVENT',
  endEvent: 'END_EVENT',
  intermediateThrowEvent: 'INTERMEDIATE_THROW_EVENT',
  intermediateCatchEvent: 'INTERMEDIATE_CATCH_EVENT',
  boundaryEvent: 'BOUNDARY_EVENT',
  serviceTask: 'SERVICE_TASK',
  sendTask: 'SEND_TASK',
  businessRuleTask: 'BUSINESS_RULE_TASK',
  scriptTask: 'SCRIPT_TASK',
  userTask: 'USER_TASK',
  manualTask: 'MANUAL_TASK',
  task: 'TASK',
  receiveTask: 'RECEIVE_TASK',
  callActivity: 'CALL_ACTIVITY',
  exclusiveGateway: 'EXCLUSIVE_GATEWAY',
  parallelGateway: 'PARALLEL_GATEWAY',
  inclusiveGateway: 'INCLUSIVE_GATEWAY',
  eventBasedGateway: 'EVENT_BASED_GATEWAY',
};

/** The body of a multi-instance activity shares the activity's element id; Zeebe calls its type this. */
export const MULTI_INSTANCE_BODY = 'MULTI_INSTANCE_BODY';
