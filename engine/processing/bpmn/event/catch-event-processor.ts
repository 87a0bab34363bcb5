/**
 * Start, intermediate catch and boundary events, and receive tasks. Activated by their event (they carry its
 * variables), they complete at once; otherwise a catch event or receive task waits for its subscription, and a
 * none start event passes the token on.
 */
import { completeWithVariables } from '../complete-with-variables.js';
import type { ElementProcessor } from '../element-processor.js';
import { completeElement, markActivated } from '../lifecycle.js';

export const catchEventProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    if (element.triggerVariables) {
      ctx.write({ type: 'ELEMENT_ACTIVATED', key: element.key });
      completeWithVariables(ctx, element, element.triggerVariables);
      return;
    }
    if (!markActivated(ctx, element)) return;
    const waits = node.kind === 'receiveTask' || node.kind === 'intermediateCatchEvent';
    if (!waits) ctx.schedule(element, 'complete', () => completeElement(ctx, element));
  },
};
