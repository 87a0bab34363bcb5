/**
 * One event definition (message, timer, signal, error, escalation, terminate, link) → the model's EventDefinition.
 * Which definitions an event may have is decided by the caller; this maps one and checks what it refers to.
 */
import { validateStaticTimer } from '../timer/index.js';
import { childElement, elementLabel, stringAttribute, validationError, type ModdleElement } from '../xml/index.js';
import { optionalValueOrExpression } from './expression.js';
import { mapMessageReference, type ReferenceContext } from './map-message.js';
import type { EventDefinition, TimerDefinition, ValueOrExpression } from './model.js';
import { resolveReference } from './resolve-reference.js';

export type EventType = EventDefinition['type'];

/** Catch events wait for the definition (and subscribe to messages), throw events raise it, a process `start` begins with it. */
export type DefinitionUse = 'catch' | 'throw' | 'start';

const EVENT_TYPES: Record<string, EventType> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:LinkEventDefinition': 'link',
};

export function eventTypeOf(definition: ModdleElement): EventType | undefined {
  return EVENT_TYPES[definition.$type];
}

/** Maps `definition` of the event `nodeId`; problems are reported below the path `[messageEventDefinition]` etc. */
export function mapEventDefinition(
  definition: ModdleElement, use: DefinitionUse, nodeId: string, context: ReferenceContext,
): EventDefinition | undefined {
  const path = [definitionPathName(definition)];
  switch (eventTypeOf(definition)) {
    case 'message': return mapMessageReference(definition, use === 'catch' ? 'subscription' : use, nodeId, path, context);
    case 'timer': return mapTimer(definition, nodeId, path, context);
    case 'signal': return mapSignal(definition, nodeId, path, context);
    case 'error': return mapCode(ERROR, definition, use, nodeId, path, context);
    case 'escalation': return mapCode(ESCALATION, definition, use, nodeId, path, context);
    case 'terminate': return { type: 'terminate' };
    case 'link': return mapLink(definition, nodeId, path, context);
    default: return undefined;
  }
}

/** `bpmn:TimerEventDefinition` → `timerEventDefinition`, as the element is written in XML. */
function definitionPathName({ $type }: ModdleElement): string {
  const name = $type.slice($type.indexOf(':') + 1);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

const TIMER_KINDS = [['timeDate', 'date'], ['timeDuration', 'duration'], ['timeCycle', 'cycle']] as const;

/** A static ISO 8601 or cron text is checked here; an expression's result when the timer is scheduled. */
function mapTimer(definition: ModdleElement, nodeId: string, path: string[], { errors }: ReferenceContext): EventDefinition | undefined {
  const present = TIMER_KINDS.filter(([property]) => childElement(definition, property));
  if (present.length !== 1) {
    errors.push(validationError(nodeId, 'Must be exactly one type of timer: timeDuration, timeDate or timeCycle', path));
    return undefined;
  }
  const [property, kind] = present[0]!;
  const value = optionalValueOrExpression(stringAttribute(childElement(definition, property)!, 'body'));
  if (!value) {
    errors.push(validationError(nodeId, `Element '${property}' must not be empty`, [...path, property]));
    return undefined;
  }
  // an XML formatter may indent the text; the spaces are never part of the timer
  const timer: TimerDefinition = { kind, value: value.kind === 'static' ? { kind: 'static', value: value.value.trim() } : value };
  const problem = timer.value.kind === 'static' ? validateStaticTimer(kind, timer.value.value) : undefined;
  if (problem) {
    errors.push(validationError(nodeId, problem, [...path, property]));
    return undefined;
  }
  return { type: 'timer', timer };
}

function mapSignal(definition: ModdleElement, nodeId: string, path: string[], { unresolvedReferences, errors }: ReferenceContext): EventDefinition | undefined {
  const reference = resolveReference(definition, 'signalRef', { type: 'bpmn:Signal', description: 'a signal' }, unresolvedReferences);
  if (reference.status !== 'found') {
    errors.push(validationError(nodeId, reference.status === 'invalid' ? reference.problem : 'Must reference a signal', path));
    return undefined;
  }
  const signalName = optionalValueOrExpression(stringAttribute(reference.element, 'name'));
  if (!signalName) errors.push(validationError(elementLabel(reference.element), 'Name must be present and not empty'));
  return signalName && { type: 'signal', signalName };
}

function mapLink(definition: ModdleElement, nodeId: string, path: string[], { errors }: ReferenceContext): EventDefinition | undefined {
  const linkName = stringAttribute(definition, 'name')?.trim() ?? '';
  if (linkName !== '') return { type: 'link', linkName };
  errors.push(validationError(nodeId, 'Link name must be present and not empty.', path));
  return undefined;
}

/** Errors and escalations: a thrown one needs its code (possibly FEEL); a caught one may omit it to catch them all. */
interface CodedReference {
  type: 'error' | 'escalation';
  reference: string;
  referencedType: string;
  description: string;
  codeAttribute: string;
  missingReference: string;
  missingCode: string;
  expressionInCatch: string;
}

const ERROR: CodedReference = {
  type: 'error',
  reference: 'errorRef',
  referencedType: 'bpmn:Error',
  description: 'an error',
  codeAttribute: 'errorCode',
  missingReference: 'Must reference an error',
  missingCode: 'ErrorCode must be present and not empty',
  expressionInCatch: 'The errorCode of the error catch event is not allowed to be an expression',
};

const ESCALATION: CodedReference = {
  type: 'escalation',
  reference: 'escalationRef',
  referencedType: 'bpmn:Escalation',
  description: 'an escalation',
  codeAttribute: 'escalationCode',
  missingReference: 'Must reference an escalation',
  missingCode: 'EscalationCode must be present and not empty',
  expressionInCatch: 'The escalationCode of the escalation catch event is not allowed to be an expression',
};

function mapCode(
  coded: CodedReference, definition: ModdleElement, use: DefinitionUse, nodeId: string, path: string[], { unresolvedReferences, errors }: ReferenceContext,
): EventDefinition | undefined {
  const reference = resolveReference(definition, coded.reference, { type: coded.referencedType, description: coded.description }, unresolvedReferences);
  const isThrown = use === 'throw';
  if (reference.status === 'invalid') {
    errors.push(validationError(nodeId, reference.problem, path));
    return undefined;
  }
  if (reference.status === 'absent') {
    if (!isThrown) return codedDefinition(coded.type, undefined);
    errors.push(validationError(nodeId, coded.missingReference, path));
    return undefined;
  }
  const code = optionalValueOrExpression(stringAttribute(reference.element, coded.codeAttribute));
  if (isThrown && !code) {
    errors.push(validationError(elementLabel(reference.element), coded.missingCode));
    return undefined;
  }
  if (!isThrown && code?.kind === 'feel') {
    errors.push(validationError(nodeId, coded.expressionInCatch, path));
    return undefined;
  }
  return codedDefinition(coded.type, code);
}

function codedDefinition(type: CodedReference['type'], code: ValueOrExpression | undefined): EventDefinition {
  return type === 'error' ? { type, ...(code && { errorCode: code }) } : { type, ...(code && { escalationCode: code }) };
}
