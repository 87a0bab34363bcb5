/** A broadcast signal triggers every open subscription to it and starts an instance at every signal start event. */
import { startAtEventStartEvent } from '../commands/create-process-instance.js';
import type { ProcessingContext } from '../context.js';
import { isWaiting, triggerCatchEvent } from './event-triggers.js';

export function broadcastSignal(ctx: ProcessingContext, name: string, variables: Record<string, unknown>): number {
  const key = ctx.nextKey();
  ctx.write({ type: 'SIGNAL_BROADCAST', key, name });
  for (const subscriptionKey of ctx.state.signalSubscriptionsByName.keysOf(name)) {
    // an earlier trigger may have interrupted this subscription's owner
    const subscription = ctx.state.signalSubscriptions.get(subscriptionKey);
    const owner = subscription && ctx.state.elementInstances.get(subscription.elementInstanceKey);
    if (subscription && isWaiting(owner)) triggerCatchEvent(ctx, owner, subscription.targetElementId, variables);
  }
  for (const ref of ctx.state.signalStartEvents.get(name) ?? []) {
    startAtEventStartEvent(ctx, ctx.state.processes.get(ref.processDefinitionKey)!, ref.elementId, variables);
  }
  return key;
}
