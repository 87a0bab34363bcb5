/** Elements that do nothing but pass the token on: none events, manual and undefined tasks. */
import type { ElementProcessor } from '../element-processor.js';
import { completeElement, markActivated } from '../lifecycle.js';

export const passThroughProcessor: ElementProcessor = {
  onActivate(ctx, element) {
    if (!markActivated(ctx, element)) return;
    ctx.schedule(element, 'complete', () => completeElement(ctx, element));
  },
};
