/** Parallel gateway: `join.ts` joins the incoming tokens; activation forks to every outgoing flow. */
import type { ElementProcessor } from '../element-processor.js';
import { completeElement, markActivated } from '../lifecycle.js';

export const parallelGatewayProcessor: ElementProcessor = {
  onActivate(ctx, element) {
    if (!markActivated(ctx, element)) return;
    completeElement(ctx, element);
  },
};
