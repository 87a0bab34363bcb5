/**
 * Terminate end event: terminates every other element instance in its flow scope (children first, their jobs
 * canceled, their incidents resolved) and drops the tokens waiting at joins there; then it completes, and so does the
 * flow scope: a sub-process takes its outgoing flows, a process instance completes.
 */
import type { ElementInstance } from '../../../state/types.js';
import type { ProcessingContext } from '../../context.js';
import type { ElementProcessor } from '../element-processor.js';
import { completeElement, markActivated, terminateElement } from '../lifecycle.js';

export const terminateEndEventProcessor: ElementProcessor = {
  onActivate(ctx, element) {
    markActivated(ctx, element);
    ctx.schedule(element, 'complete', () => {
      terminateRestOfFlowScope(ctx, element);
      completeElement(ctx, element);
    });
  },
};

function terminateRestOfFlowScope(ctx: ProcessingContext, endEvent: ElementInstance): void {
  const scopeKey = endEvent.flowScopeKey;
  // tokens first: with none waiting, the terminations below have no join to re-check
  if (ctx.state.elementInstances.get(scopeKey)!.waitingTokens > 0) {
    ctx.write({ type: 'WAITING_TOKENS_DISCARDED', key: ctx.nextKey(), flowScopeKey: scopeKey });
  }
  for (const key of [...(ctx.state.childrenOf.get(scopeKey) ?? [])]) {
    if (key !== endEvent.key) terminateElement(ctx, ctx.state.elementInstances.get(key)!);
  }
}
