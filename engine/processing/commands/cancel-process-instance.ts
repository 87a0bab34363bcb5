/** CancelProcessInstance: terminates the instance and everything in it, including the process instances it called. */
import { terminateElement } from '../bpmn/lifecycle.js';
import type { ProcessingContext } from '../context.js';
import type { ElementInstance, Key } from '../../state/types.js';
import { failedPrecondition, notFound } from './rejection.js';

export function cancelProcessInstance(ctx: ProcessingContext, processInstanceKey: number): void {
  const instance = ctx.state.elementInstances.get(processInstanceKey);
  if (!instance || instance.flowScopeKey !== -1 || instance.state === 'TERMINATING') {
    throw notFound(`Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`);
  }
  if (instance.parentProcessInstanceKey !== undefined) {
    throw failedPrecondition(`Expected to cancel a process instance with key '${processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${rootProcessInstanceKey(ctx, instance)}' instead.`);
  }
  terminateElement(ctx, instance);
  ctx.terminatedProcessInstances.push(processInstanceKey);
}

function rootProcessInstanceKey(ctx: ProcessingContext, instance: ElementInstance): Key {
  let root = instance;
  while (root.parentProcessInstanceKey !== undefined) root = ctx.state.elementInstances.get(root.parentProcessInstanceKey)!;
  return root.key;
}
