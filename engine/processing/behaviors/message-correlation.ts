/**
 * Messages meet subscriptions by name and correlation key, as Zeebe documents: a message correlates at most once
 * per process (BPMN process id), to the oldest open subscription of that process; a buffered message correlates to
 * subscriptions opened within its time to live; a message start event starts no second instance for a correlation
 * key while one started with that key is active.
 */
import { messageLookup, messageStartLookup } from '../../state/engine-state.js';
import type { ElementInstance, Message, MessageSubscription } from '../../state/types.js';
import { startAtEventStartEvent } from '../commands/create-process-instance.js';
import type { ProcessingContext } from '../context.js';
import { isWaiting, triggerCatchEvent } from './event-triggers.js';

export interface PublishedMessage {
  key: number;
  name: string;
  correlationKey: string;
  variables: Record<string, unknown>;
  /** Whether it stays buffered, and so must remember where it went. */
  buffered: boolean;
}

/** Correlates a message just published to open subscriptions and to message start events. */
export function correlatePublishedMessage(ctx: ProcessingContext, message: PublishedMessage): void {
  const correlated = new Set<string>();
  for (const key of ctx.state.messageSubscriptionsByMessage.keysOf(messageLookup(message.name, message.correlationKey))) {
    const subscription = ctx.state.messageSubscriptions.get(key);
    if (!subscription || correlated.has(subscription.bpmnProcessId)) continue;
    const owner = ctx.state.elementInstances.get(subscription.elementInstanceKey);
    if (!isWaiting(owner)) continue;
    correlated.add(subscription.bpmnProcessId);
    correlate(ctx, message, subscription.bpmnProcessId);
    triggerCatchEvent(ctx, owner, subscription.targetElementId, message.variables);
  }
  for (const ref of ctx.state.messageStartEvents.get(message.name) ?? []) {
    if (correlated.has(ref.bpmnProcessId) || isStartLocked(ctx, ref.bpmnProcessId, message.correlationKey)) continue;
    correlated.add(ref.bpmnProcessId);
    correlate(ctx, message, ref.bpmnProcessId);
    startByMessage(ctx, ref.processDefinitionKey, ref.elementId, message);
  }
}

/** A subscription just opened takes the oldest live buffered message meant for it, once the owner is activated. */
export function correlateBufferedMessage(ctx: ProcessingContext, subscription: MessageSubscription): void {
  const message = oldestBufferedMessage(ctx, subscription.messageName, subscription.correlationKey, subscription.bpmnProcessId);
  if (!message) return;
  const owner = ctx.state.elementInstances.get(subscription.elementInstanceKey)!;
  ctx.schedule(owner, 'complete', () => {
    if (!ctx.state.messageSubscriptions.has(subscription.key) || !isWaiting(owner)) return;
    correlate(ctx, { ...message, buffered: true }, subscription.bpmnProcessId);
    triggerCatchEvent(ctx, owner, subscription.targetElementId, message.variables);
  });
}

/** When an instance started by a keyed message ends, a message buffered for that key may start the next one. */
export function processInstanceEnded(ctx: ProcessingContext, instance: ElementInstance): void {
  if (instance.startCorrelationKey === undefined) return;
  const { bpmnProcessId } = ctx.state.processes.get(instance.processDefinitionKey)!;
  for (const [name, refs] of ctx.state.messageStartEvents) {
    const ref = refs.find((candidate) => candidate.bpmnProcessId === bpmnProcessId);
    if (!ref) continue;
    const message = oldestBufferedMessage(ctx, name, instance.startCorrelationKey, bpmnProcessId);
    if (!message) continue;
    correlate(ctx, { ...message, buffered: true }, bpmnProcessId);
    startByMessage(ctx, ref.processDefinitionKey, ref.elementId, { ...message, buffered: true });
    return;
  }
}

function oldestBufferedMessage(ctx: ProcessingContext, name: string, correlationKey: string, bpmnProcessId: string): Message | undefined {
  for (const key of ctx.state.messagesByMessage.keysOf(messageLookup(name, correlationKey))) {
    const message = ctx.state.messages.get(key)!;
    if (message.deadline > ctx.now && !message.correlatedProcessIds.includes(bpmnProcessId)) return message;
  }
  return undefined;
}

function correlate(ctx: ProcessingContext, message: PublishedMessage, bpmnProcessId: string): void {
  if (message.buffered) ctx.write({ type: 'MESSAGE_CORRELATED', key: message.key, bpmnProcessId });
}

function isStartLocked(ctx: ProcessingContext, bpmnProcessId: string, correlationKey: string): boolean {
  return correlationKey !== '' && ctx.state.messageStartedInstances.has(messageStartLookup(bpmnProcessId, correlationKey));
}

function startByMessage(ctx: ProcessingContext, processDefinitionKey: number, startEventId: string, message: PublishedMessage): void {
  const definition = ctx.state.processes.get(processDefinitionKey)!;
  const correlationKey = message.correlationKey === '' ? undefined : message.correlationKey;
  startAtEventStartEvent(ctx, definition, startEventId, message.variables, correlationKey);
}
