/** Timer start events run on the latest version of a process: deploying a new version replaces the old one's timers. */
import type { ExecutableProcess } from '../../bpmn/model.js';
import type { ProcessDefinition } from '../../state/types.js';
import { invalidArgument } from '../commands/rejection.js';
import type { ProcessingContext } from '../context.js';
import { scheduleTimer, type TimerPlan } from './timer-plans.js';

export type StartEventTimerPlans = { elementId: string; plan: TimerPlan }[];

/** Evaluated before the deployment writes anything, so a bad timer rejects the deployment as Zeebe does. */
export function planStartEventTimers(ctx: ProcessingContext, model: ExecutableProcess): StartEventTimerPlans {
  const plans: StartEventTimerPlans = [];
  for (const elementId of model.elements[model.bpmnProcessId].eventStartEventIds ?? []) {
    const event = model.elements[elementId].event;
    if (event?.type !== 'timer') continue;
    const plan = scheduleTimer(ctx.state, -1, event.timer, ctx.now);
    if (!plan.ok) {
      throw invalidArgument(`Expected to deploy new resources, but encountered the following errors:\n'${model.bpmnProcessId}': Expected a valid timer expression for start event '${elementId}', but encountered the following error: ${plan.failure.message}`);
    }
    plans.push({ elementId, plan: plan.value });
  }
  return plans;
}

/** Cancels the timer start events of every version of `definition`'s process and creates `plans` for `owner`. */
export function replaceStartEventTimers(
  ctx: ProcessingContext, definition: ProcessDefinition, plans: StartEventTimerPlans, owner = definition,
): void {
  for (const key of ctx.state.subscriptionsOf.keysOf(-1)) {
    const timer = ctx.state.timers.get(key);
    if (timer && ctx.state.processes.get(timer.processDefinitionKey)?.bpmnProcessId === definition.bpmnProcessId) {
      ctx.write({ type: 'TIMER_CANCELED', key });
    }
  }
  for (const { elementId, plan } of plans) {
    ctx.write({
      type: 'TIMER_CREATED', key: ctx.nextKey(), elementInstanceKey: -1, processInstanceKey: -1,
      processDefinitionKey: owner.key, targetElementId: elementId, ...plan,
    });
  }
}
