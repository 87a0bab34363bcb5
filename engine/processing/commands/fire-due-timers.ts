/** Due timers fire (a cycle schedules its next timer) and buffered messages past their time to live expire. */
import type { Timer } from '../../state/types.js';
import { isWaiting, triggerCatchEvent } from '../behaviors/event-triggers.js';
import { followingTimer } from '../behaviors/timer-plans.js';
import type { ProcessingContext } from '../context.js';
import { startAtEventStartEvent } from './create-process-instance.js';

export function fireDueTimers(ctx: ProcessingContext, timerKeys: number[]): void {
  for (const key of timerKeys) {
    const timer = ctx.state.timers.get(key);
    if (timer && timer.dueDate <= ctx.now) fireTimer(ctx, timer);
  }
}

function fireTimer(ctx: ProcessingContext, timer: Timer): void {
  ctx.write({ type: 'TIMER_TRIGGERED', key: timer.key });
  if (timer.elementInstanceKey === -1) {
    startAtEventStartEvent(ctx, ctx.state.processes.get(timer.processDefinitionKey)!, timer.targetElementId, {});
    scheduleFollowing(ctx, timer);
    return;
  }
  const owner = ctx.state.elementInstances.get(timer.elementInstanceKey);
  if (!isWaiting(owner)) return;
  triggerCatchEvent(ctx, owner, timer.targetElementId, {});
  // a non-interrupting boundary event or event sub-process keeps its owner waiting, for the cycle's next round
  const { model } = ctx.state.processes.get(timer.processDefinitionKey)!;
  const nonInterrupting = model.elements[timer.targetElementId].interrupting === false;
  if (nonInterrupting && isWaiting(ctx.state.elementInstances.get(owner.key))) scheduleFollowing(ctx, timer);
}

function scheduleFollowing(ctx: ProcessingContext, timer: Timer): void {
  const next = followingTimer(timer, ctx.now);
  if (next) ctx.write({ type: 'TIMER_CREATED', ...timer, key: ctx.nextKey(), ...next });
}

export function expireMessages(ctx: ProcessingContext, messageKeys: number[]): void {
  for (const key of messageKeys) {
    const message = ctx.state.messages.get(key);
    if (message && message.deadline <= ctx.now) ctx.write({ type: 'MESSAGE_EXPIRED', key });
  }
}
