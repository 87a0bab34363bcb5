/**
 * Terminate end event: terminates every other element instance in its flow scope (children first, their jobs
 * canceled, their incidents resolved) and drops the tokens waiting at joins there; then it completes, and so does the
 * flow scope: a sub-process takes its outgoing flows, a process instance completes.
 */
import type { ElementProcessor } from '../element-processor.js';
import { completeElement, markActivated, terminateChildren } from '../lifecycle.js';

export const terminateEndEventProcessor: ElementProcessor = {
  onActivate(ctx, element) {
    if (!markActivated(ctx, element)) return;
    ctx.schedule(element, 'complete', () => {
      terminateChildren(ctx, ctx.state.elementInstances.get(element.flowScopeKey)!, element);
      completeElement(ctx, element);
    });
  },
};
