/**
 * How each scope is entered: the process through its none start event or its message, timer and signal start events,
 * an embedded sub-process through its one none start event, an event sub-process through its one event start event,
 * which its enclosing scope subscribes to.
 */
import { validationError, type ValidationError } from '../xml/index.js';
import { duplicateTriggers } from './duplicate-triggers.js';
import type { FlowNode } from './model.js';

export interface Scope {
  node: FlowNode;
  /** All its start events, runnable or not; a none start event has no event definition. */
  startEvents: Array<{ id: string; isNone: boolean }>;
}

/** Sets the start event fields of each scope (in document order, outer scopes first), or reports why it cannot start. */
export function assignStartEvents(scopes: Scope[], nodes: Map<string, FlowNode>, errors: ValidationError[]): void {
  for (const scope of scopes) {
    if (scope.node.kind === 'process') assignProcessStartEvents(scope, nodes, errors);
    else assignSubProcessStartEvent(scope, nodes, errors);
  }
  for (const scope of scopes) {
    const startEvents = (scope.node.eventSubProcessStartEventIds ?? []).map((id) => nodes.get(id)?.event);
    for (const problem of duplicateTriggers(startEvents)) errors.push(validationError(scope.node.id, problem));
  }
}

function assignProcessStartEvents({ node, startEvents }: Scope, nodes: Map<string, FlowNode>, errors: ValidationError[]): void {
  if (startEvents.length === 0) errors.push(validationError(node.id, 'Must have at least one start event'));
  // a start event that maps to no node is reported as not supported already
  const runnable = startEvents.filter(({ id }) => nodes.has(id));
  const noneStartEvents = runnable.filter(({ isNone }) => isNone);
  if (noneStartEvents.length > 1) errors.push(validationError(node.id, 'Multiple none start events are not allowed'));
  else if (noneStartEvents.length === 1) node.noneStartEventId = noneStartEvents[0]!.id;
  const eventStartEventIds = runnable.filter(({ id, isNone }) => !isNone && nodes.get(id)!.event).map(({ id }) => id);
  if (eventStartEventIds.length > 0) node.eventStartEventIds = eventStartEventIds;
  for (const problem of duplicateTriggers(eventStartEventIds.map((id) => nodes.get(id)!.event))) {
    errors.push(validationError(node.id, problem));
  }
}

/** Wrong kinds of start event are reported where the event is mapped; here only their number counts. */
function assignSubProcessStartEvent({ node, startEvents }: Scope, nodes: Map<string, FlowNode>, errors: ValidationError[]): void {
  if (startEvents.length !== 1) {
    errors.push(validationError(node.id, 'Must have exactly one start event'));
    return;
  }
  const { id, isNone } = startEvents[0]!;
  if (!nodes.has(id)) return;
  if (node.kind === 'subProcess' && isNone) node.noneStartEventId = id;
  if (node.kind !== 'eventSubProcess') return;
  node.startEventId = id;
  const enclosing = nodes.get(node.parentId)!;
  enclosing.eventSubProcessStartEventIds = [...enclosing.eventSubProcessStartEventIds ?? [], id];
}
