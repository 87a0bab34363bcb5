/**
 * The catch events an element instance waits for while it is active: its own (intermediate catch event, receive
 * task), those after it (event-based gateway), its boundary events, and the start events of the event sub-processes
 * inside it. Their timers and message/signal subscriptions open when it activates and close when it leaves.
 */
import type { ExecutableProcess, FlowNode } from '../../bpmn/model.js';
import { fail, ok, type Result } from '../../result.js';
import type { ElementInstance, Key } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';
import { evaluateCorrelationKey, evaluateString } from './expressions.js';
import { correlateBufferedMessage } from './message-correlation.js';
import { scheduleTimer, type TimerPlan } from './timer-plans.js';

type Subscription =
  | { type: 'message'; node: FlowNode; messageName: string; correlationKey: string }
  | { type: 'timer'; node: FlowNode; plan: TimerPlan }
  | { type: 'signal'; node: FlowNode; signalName: string };

const SUBSCRIBING_EVENTS = new Set(['message', 'timer', 'signal']);

/** The catch event nodes `element` (an instance of `node`) subscribes to. */
export function catchEventNodes(model: ExecutableProcess, node: FlowNode, element: ElementInstance): FlowNode[] {
  const ids: string[] = [];
  // a multi-instance body waits for the boundary events only; what the activity waits for is each inner instance's
  const body = element.multiInstanceBody === true;
  if (!body && (node.kind === 'intermediateCatchEvent' || node.kind === 'receiveTask')) ids.push(node.id);
  if (node.kind === 'eventBasedGateway') ids.push(...node.outgoing.map((flowId) => model.flows[flowId].targetId));
  if (!isInnerInstance(node, element)) ids.push(...(node.boundaryEventIds ?? []));
  if (!body) ids.push(...(node.eventSubProcessStartEventIds ?? []));
  return ids.map((id) => model.elements[id]).filter((catchNode) => catchNode.event && SUBSCRIBING_EVENTS.has(catchNode.event.type));
}

/** Boundary events belong to a multi-instance body, not to the instances inside it. */
function isInnerInstance(node: FlowNode, element: ElementInstance): boolean {
  return node.multiInstance !== undefined && element.multiInstanceBody !== true;
}

/** Evaluates every subscription first, so that a failing expression opens none of them and raises one incident. */
export function openCatchEvents(ctx: ProcessingContext, element: ElementInstance, model: ExecutableProcess, node: FlowNode): Result<void> {
  const planned: Subscription[] = [];
  for (const catchNode of catchEventNodes(model, node, element)) {
    const subscription = planSubscription(ctx, element, catchNode);
    if (!subscription.ok) return subscription;
    planned.push(subscription.value);
  }
  for (const subscription of planned) writeSubscription(ctx, element, model, subscription);
  return ok(undefined);
}

function planSubscription(ctx: ProcessingContext, element: ElementInstance, catchNode: FlowNode): Result<Subscription> {
  const event = catchNode.event!;
  switch (event.type) {
    case 'message': {
      const name = evaluateString(ctx.state, element.key, event.messageName);
      if (!name.ok) return name;
      const correlationKey = evaluateCorrelationKey(ctx.state, element.key, event.correlationKey ?? '');
      if (!correlationKey.ok) return correlationKey;
      return ok({ type: 'message', node: catchNode, messageName: name.value, correlationKey: correlationKey.value });
    }
    case 'timer': {
      const plan = scheduleTimer(ctx.state, element.key, event.timer, ctx.now);
      return plan.ok ? ok({ type: 'timer', node: catchNode, plan: plan.value }) : plan;
    }
    case 'signal': {
      const name = evaluateString(ctx.state, element.key, event.signalName);
      return name.ok ? ok({ type: 'signal', node: catchNode, signalName: name.value }) : name;
    }
    default:
      return fail(`Element '${catchNode.id}' has no subscription to open`);
  }
}

function writeSubscription(ctx: ProcessingContext, element: ElementInstance, model: ExecutableProcess, subscription: Subscription): void {
  const owner = { elementInstanceKey: element.key, processInstanceKey: element.processInstanceKey, targetElementId: subscription.node.id };
  const interrupting = subscription.node.interrupting ?? true;
  const key = ctx.nextKey();
  switch (subscription.type) {
    case 'message':
      ctx.write({
        type: 'MESSAGE_SUBSCRIPTION_CREATED', key, ...owner, bpmnProcessId: model.bpmnProcessId, interrupting,
        messageName: subscription.messageName, correlationKey: subscription.correlationKey,
      });
      correlateBufferedMessage(ctx, ctx.state.messageSubscriptions.get(key)!);
      break;
    case 'timer':
      ctx.write({ type: 'TIMER_CREATED', key, ...owner, processDefinitionKey: element.processDefinitionKey, ...subscription.plan });
      break;
    case 'signal':
      ctx.write({ type: 'SIGNAL_SUBSCRIPTION_CREATED', key, ...owner, signalName: subscription.signalName, interrupting });
      break;
  }
}

/** Closes the timers and subscriptions `element` owns; `only` limits it to some catch events. */
export function closeCatchEvents(ctx: ProcessingContext, elementInstanceKey: Key, only?: (targetElementId: string) => boolean): void {
  const { state } = ctx;
  for (const key of state.subscriptionsOf.keysOf(elementInstanceKey)) {
    const timer = state.timers.get(key);
    const message = state.messageSubscriptions.get(key);
    const signal = state.signalSubscriptions.get(key);
    const target = (timer ?? message ?? signal)?.targetElementId;
    if (target === undefined || (only && !only(target))) continue;
    if (timer) ctx.write({ type: 'TIMER_CANCELED', key });
    else if (message) ctx.write({ type: 'MESSAGE_SUBSCRIPTION_DELETED', key });
    else ctx.write({ type: 'SIGNAL_SUBSCRIPTION_DELETED', key });
  }
}
