/**
 * Which BPMN elements the engine runs, and the exact rejection for everything else: the element, its type and
 * the feature (event definition, loop, Zeebe extension) that a later version will add.
 */
import { childElement, childElements, elementLabel, extensionElements, type ModdleElement } from './moddle-element.js';
import type { ElementKind } from './model.js';
import { validationError, type ValidationError } from './validation-error.js';

const SUPPORTED_KINDS: Record<string, ElementKind> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:Task': 'task',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:SubProcess': 'subProcess',
};

/** Zeebe extension elements that change how an element behaves, by moddle type and XML name. */
const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  'zeebe:UserTask': 'zeebe:userTask',
  'zeebe:CalledDecision': 'zeebe:calledDecision',
  'zeebe:ExecutionListeners': 'zeebe:executionListeners',
  'zeebe:TaskListeners': 'zeebe:taskListeners',
};

/** The kind of a flow node the engine can run, or the reason it cannot. */
export function classifyFlowNode(element: ModdleElement): { kind: ElementKind } | { error: ValidationError } {
  const kind = SUPPORTED_KINDS[element.$type];
  const feature = kind ? unsupportedFeature(element) : undefined;
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

function unsupportedFeature(element: ModdleElement): string | undefined {
  const eventDefinitions = childElements(element, 'eventDefinitions');
  if (eventDefinitions.length > 0) return eventDefinitions.map((definition) => `'${definition.$type}'`).join(' and ');
  const loop = childElement(element, 'loopCharacteristics');
  if (loop) return `'${loop.$type}'`;
  if (element.triggeredByEvent === true) return "triggeredByEvent (an event sub-process)";
  return unsupportedExtension(element);
}

function unsupportedExtension(element: ModdleElement): string | undefined {
  const type = Object.keys(UNSUPPORTED_EXTENSIONS).find((candidate) => extensionElements(element, candidate).length > 0);
  return type ? `'${UNSUPPORTED_EXTENSIONS[type]}'` : undefined;
}
