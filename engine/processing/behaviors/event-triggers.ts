/**
 * What happens when a caught event fires for the element instance that waits for it (its owner): the catch event or
 * receive task completes, an event-based gateway takes the event's path, a boundary event interrupts the activity
 * or runs beside it, an event sub-process interrupts its scope or runs beside it.
 */
import type { ElementInstance } from '../../state/types.js';
import { completeWithVariables } from '../bpmn/complete-with-variables.js';
import { activateElement, completeElement, definitionOf, terminateChildren, terminateElement } from '../bpmn/lifecycle.js';
import type { ProcessingContext } from '../context.js';
import { closeCatchEvents } from './catch-events.js';

export function triggerCatchEvent(
  ctx: ProcessingContext, owner: ElementInstance, catchElementId: string, variables: Record<string, unknown>,
): void {
  const { model } = definitionOf(ctx, owner);
  const ownerNode = model.elements[owner.elementId];
  const catchNode = model.elements[catchElementId];
  if (catchElementId === owner.elementId) {
    closeCatchEvents(ctx, owner.key);
    completeWithVariables(ctx, owner, variables);
    return;
  }
  if (ownerNode.kind === 'eventBasedGateway') {
    const flowId = ownerNode.outgoing.find((id) => model.flows[id].targetId === catchElementId)!;
    completeElement(ctx, owner, [flowId], variables);
    return;
  }
  const interrupting = catchNode.interrupting ?? true;
  if (catchNode.kind === 'boundaryEvent') {
    const scope = ctx.state.elementInstances.get(owner.flowScopeKey)!;
    if (interrupting) terminateElement(ctx, owner);
    activateElement(ctx, scope, catchElementId, variables);
    return;
  }
  // the start event of an event sub-process inside the scope `owner`
  if (interrupting) {
    const eventSubProcessStarts = new Set(ownerNode.eventSubProcessStartEventIds);
    closeCatchEvents(ctx, owner.key, (target) => eventSubProcessStarts.has(target));
    terminateChildren(ctx, owner);
  }
  activateElement(ctx, owner, catchNode.parentId, variables);
}

/** Whether an owner can still be triggered: active, not on its way out. */
export function isWaiting(element: ElementInstance | undefined): element is ElementInstance {
  return element !== undefined && element.state === 'ACTIVATED';
}
