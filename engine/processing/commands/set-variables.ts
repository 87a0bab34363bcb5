/** SetVariables: writes a document into an element instance's scope, locally or propagated outwards. */
import { propagateVariables, setLocalVariables } from '../behaviors/variables.js';
import type { ProcessingContext } from '../context.js';
import { notFound } from './rejection.js';

export function setVariables(ctx: ProcessingContext, elementInstanceKey: number, variables: Record<string, unknown>, local: boolean): number {
  const element = ctx.state.elementInstances.get(elementInstanceKey);
  if (!element) {
    throw notFound(`Expected to update variables for element with key '${elementInstanceKey}', but no such element was found`);
  }
  if (local) setLocalVariables(ctx, elementInstanceKey, variables);
  else propagateVariables(ctx, elementInstanceKey, variables);
  return ctx.nextKey();
}
