/**
 * Start, end, intermediate and boundary events: which event definitions each may have where it stands, and
 * what Zeebe adds to them (interrupting or not, the activity a boundary event is attached to, the job of a message throw).
 */
import { childElements, validationError, type ModdleElement, type ValidationError } from '../xml/index.js';
import { eventTypeOf, mapEventDefinition, type DefinitionUse, type EventType } from './map-event-definition.js';
import type { ReferenceContext } from './map-message.js';
import { mapJobWorkerTask } from './map-job-worker.js';
import type { EventDefinition, FlowNode } from './model.js';
import { resolveReference } from './resolve-reference.js';

type Position = 'processStart' | 'subProcessStart' | 'eventSubProcessStart' | 'intermediateCatchEvent' | 'boundaryEvent' | 'intermediateThrowEvent' | 'endEvent';

interface PositionRule {
  use: DefinitionUse;
  allowed: EventType[];
  /** The rejection of a definition not in `allowed`. */
  notAllowed: string;
  /** The rejection of an event without a definition; none means it may have none. */
  missing?: string;
  tooMany: string;
}

const EXACTLY_ONE = 'Must have exactly one event definition';
const AT_MOST_ONE = 'Must have at most one event definition';
const START_EVENT_TOO_MANY = "Start event can't have more than one type";
const EVENT_SUB_PROCESS_STARTS = 'Start events in event subprocesses must be one of: message, timer, error, signal or escalation';

const RULES: Record<Position, PositionRule> = {
  processStart: {
    use: 'start', allowed: ['message', 'timer', 'signal'], tooMany: START_EVENT_TOO_MANY,
    notAllowed: 'Start event must be one of the following types: none, timer, message, signal',
  },
  subProcessStart: { use: 'catch', allowed: [], tooMany: START_EVENT_TOO_MANY, notAllowed: 'Start events in subprocesses must be of type none' },
  eventSubProcessStart: {
    use: 'catch', allowed: ['message', 'timer', 'error', 'signal', 'escalation'], tooMany: START_EVENT_TOO_MANY,
    notAllowed: EVENT_SUB_PROCESS_STARTS, missing: EVENT_SUB_PROCESS_STARTS,
  },
  intermediateCatchEvent: {
    use: 'catch', allowed: ['message', 'timer', 'signal', 'link'], tooMany: EXACTLY_ONE, missing: EXACTLY_ONE,
    notAllowed: 'Event definition must be one of: message, timer, signal or link',
  },
  boundaryEvent: {
    use: 'catch', allowed: ['timer', 'message', 'error', 'signal', 'escalation'], tooMany: EXACTLY_ONE, missing: EXACTLY_ONE,
    notAllowed: 'Boundary events must be one of: timer, message, error, signal, escalation',
  },
  intermediateThrowEvent: {
    use: 'throw', allowed: ['message', 'signal', 'escalation', 'link'], tooMany: AT_MOST_ONE,
    notAllowed: 'Intermediate throw events must be one of: none, message, signal, escalation or link',
  },
  endEvent: {
    use: 'throw', allowed: ['error', 'message', 'terminate', 'signal', 'escalation'], tooMany: AT_MOST_ONE,
    notAllowed: 'End events must be one of: none, error, message, terminate, signal or escalation',
  },
};

/** Only these may let the activity or scope they interrupt go on. */
const NON_INTERRUPTING_TYPES: EventType[] = ['message', 'timer', 'signal', 'escalation'];

/** Fills `node.event` and what its position adds; `scope` is the process or sub-process the event is in. */
export function mapEvent(element: ModdleElement, node: FlowNode, scope: FlowNode, context: ReferenceContext): void {
  const position = positionOf(node, scope);
  if (position === 'boundaryEvent') mapAttachment(element, node, context);
  if (position === 'boundaryEvent' || position === 'eventSubProcessStart') {
    node.interrupting = (position === 'boundaryEvent' ? element.cancelActivity : element.isInterrupting) !== false;
  }
  const event = mapDefinitionAt(position, element, node.id, context);
  if (!event) return;
  node.event = event;
  if (event.type === 'message' && RULES[position].use === 'throw') mapJobWorkerTask(element, node, context.errors);
  checkInterruption(event, node, position, context.errors);
}

/** The event's one definition, if it may have it where it stands. */
function mapDefinitionAt(position: Position, element: ModdleElement, id: string, context: ReferenceContext): EventDefinition | undefined {
  const rule = RULES[position];
  const definitions = childElements(element, 'eventDefinitions');
  const problem = definitionProblem(rule, definitions);
  if (problem !== undefined) {
    context.errors.push(validationError(id, problem));
    return undefined;
  }
  return definitions[0] && mapEventDefinition(definitions[0], rule.use, id, context);
}

function definitionProblem(rule: PositionRule, definitions: ModdleElement[]): string | undefined {
  if (definitions.length > 1) return rule.tooMany;
  if (definitions.length === 0) return rule.missing;
  const type = eventTypeOf(definitions[0]!);
  return type && rule.allowed.includes(type) ? undefined : rule.notAllowed;
}

function checkInterruption(event: EventDefinition, node: FlowNode, position: Position, errors: ValidationError[]): void {
  if (node.interrupting === false && !NON_INTERRUPTING_TYPES.includes(event.type)) {
    errors.push(validationError(node.id, 'Non-Interrupting event of this type is not allowed'));
  }
  if (event.type !== 'timer' || event.timer.kind !== 'cycle') return;
  if (position === 'intermediateCatchEvent') {
    errors.push(validationError(node.id, 'Intermediate timer catch event must have either a time duration or a time date.'));
  } else if (node.interrupting === true) {
    errors.push(validationError(node.id, 'Interrupting timer event with time cycle is not allowed.'));
  }
}

function positionOf(node: FlowNode, scope: FlowNode): Position {
  if (node.kind !== 'startEvent') return node.kind as Position;
  if (scope.kind === 'process') return 'processStart';
  return scope.kind === 'eventSubProcess' ? 'eventSubProcessStart' : 'subProcessStart';
}

function mapAttachment(element: ModdleElement, node: FlowNode, { unresolvedReferences, errors }: ReferenceContext): void {
  const reference = resolveReference(element, 'attachedToRef', { type: 'bpmn:Activity', description: 'an activity' }, unresolvedReferences);
  if (reference.status === 'found' && reference.element.id) node.attachedToRef = reference.element.id;
  else errors.push(validationError(node.id, reference.status === 'invalid' ? reference.problem : 'Must be attached to an activity'));
}
