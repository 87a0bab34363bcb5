/**
 * Completes a task with a result document (a job's variables, a script's result), as Zeebe merges it: into the
 * task's own scope when the task has output mappings (they decide what leaves it), else propagated outwards.
 */
import type { ElementInstance } from '../../state/types.js';
import { propagateVariables, setLocalVariables } from '../behaviors/variables.js';
import type { ProcessingContext } from '../context.js';
import { completeElement, nodeOf } from './lifecycle.js';

export function completeWithVariables(ctx: ProcessingContext, element: ElementInstance, variables: Record<string, unknown>): void {
  if (nodeOf(ctx, element).outputs.length > 0) setLocalVariables(ctx, element.key, variables);
  else propagateVariables(ctx, element.key, variables);
  completeElement(ctx, element);
}
