/** CancelProcessInstance: terminates the instance and everything in it. */
import { terminateElement } from '../bpmn/lifecycle.js';
import type { ProcessingContext } from '../context.js';
import { notFound } from './rejection.js';

export function cancelProcessInstance(ctx: ProcessingContext, processInstanceKey: number): void {
  const instance = ctx.state.elementInstances.get(processInstanceKey);
  if (!instance || instance.flowScopeKey !== -1 || instance.state === 'TERMINATING') {
    throw notFound(`Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`);
  }
  terminateElement(ctx, instance);
  ctx.terminatedProcessInstances.push(processInstanceKey);
}
