/** Each process and embedded sub-process is entered through exactly one none start event. */
import type { FlowNode } from './model.js';
import { validationError, type ValidationError } from './validation-error.js';

export interface Scope {
  node: FlowNode;
  /** Ids of all its start events, runnable or not. */
  startEventIds: string[];
}

/** Sets each scope's `noneStartEventId`, or reports why it has none. */
export function assignNoneStartEvents(scopes: Scope[], nodes: Map<string, FlowNode>, errors: ValidationError[]): void {
  for (const { node, startEventIds } of scopes) {
    // a start event that maps to a node is a none start event; the others are reported as not supported
    const noneStartEvents = startEventIds.filter((id) => nodes.get(id)?.kind === 'startEvent');
    const isProcess = node.kind === 'process';
    if (noneStartEvents.length === 1) {
      node.noneStartEventId = noneStartEvents[0];
    } else if (noneStartEvents.length > 1) {
      errors.push(validationError(node.id, isProcess ? 'Multiple none start events are not allowed' : 'Must have exactly one start event'));
    } else if (startEventIds.length === 0) {
      errors.push(validationError(node.id, isProcess ? 'Must have at least one start event' : 'Must have exactly one start event'));
    }
  }
}
