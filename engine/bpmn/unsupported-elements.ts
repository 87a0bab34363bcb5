/**
 * Which BPMN elements the engine runs, and the exact rejection for everything else: the element, its type and
 * the feature (event definition, loop, Zeebe extension) that a later version will add.
 */
import {
  childElement, childElements, elementLabel, extensionElements, validationError, type ModdleElement, type ValidationError,
} from '../xml/index.js';
import type { ElementKind } from './model.js';

const SUPPORTED_KINDS: Record<string, ElementKind> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:Task': 'task',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:CallActivity': 'callActivity',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:SubProcess': 'subProcess',
};

/** The event definitions of Camunda 8.3; compensation, conditional and cancel events are not among them. */
const SUPPORTED_EVENT_DEFINITIONS = new Set([
  'bpmn:MessageEventDefinition',
  'bpmn:TimerEventDefinition',
  'bpmn:SignalEventDefinition',
  'bpmn:ErrorEventDefinition',
  'bpmn:EscalationEventDefinition',
  'bpmn:TerminateEventDefinition',
  'bpmn:LinkEventDefinition',
]);

/** Zeebe extension elements that change how an element behaves, by moddle type and XML name. */
const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  'zeebe:UserTask': 'zeebe:userTask',
  'zeebe:ExecutionListeners': 'zeebe:executionListeners',
  'zeebe:TaskListeners': 'zeebe:taskListeners',
};

/** The kind of a flow node the engine can run, or the reason it cannot. */
export function classifyFlowNode(element: ModdleElement): { kind: ElementKind } | { error: ValidationError } {
  const kind = element.$type === 'bpmn:SubProcess' && element.triggeredByEvent === true ? 'eventSubProcess' : SUPPORTED_KINDS[element.$type];
  const feature = kind ? unsupportedFeature(element, kind) : undefined;
  if (kind && !feature) return { kind };
  const withFeature = feature ? ` with ${feature}` : '';
  const label = elementLabel(element);
  return { error: validationError(label, `Element '${label}' of type '${element.$type}'${withFeature} is not supported yet`) };
}

/** For the process element itself, which only extension elements can make unrunnable. */
export function unsupportedProcessExtension(process: ModdleElement): ValidationError | undefined {
  const extension = unsupportedExtension(process);
  const label = elementLabel(process);
  return extension
    ? validationError(label, `Element '${label}' of type '${process.$type}' with ${extension} is not supported yet`)
    : undefined;
}

function unsupportedFeature(element: ModdleElement, kind: ElementKind): string | undefined {
  const eventDefinitions = childElements(element, 'eventDefinitions').filter(({ $type }) => !SUPPORTED_EVENT_DEFINITIONS.has($type));
  if (eventDefinitions.length > 0) return eventDefinitions.map((definition) => `'${definition.$type}'`).join(' and ');
  const loop = childElement(element, 'loopCharacteristics');
  if (loop && (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics' || kind === 'eventSubProcess')) return `'${loop.$type}'`;
  return unsupportedExtension(element);
}

function unsupportedExtension(element: ModdleElement): string | undefined {
  const type = Object.keys(UNSUPPORTED_EXTENSIONS).find((candidate) => extensionElements(element, candidate).length > 0);
  return type ? `'${UNSUPPORTED_EXTENSIONS[type]}'` : undefined;
}
