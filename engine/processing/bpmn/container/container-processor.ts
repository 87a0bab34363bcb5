/** Process and embedded sub-process: start at the none start event, complete when nothing inside is left. */
import type { ElementProcessor } from '../element-processor.js';
import { activateElement, completeElement, markActivated } from '../lifecycle.js';

export const containerProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    if (!markActivated(ctx, element)) return;
    activateElement(ctx, element, node.noneStartEventId!);
  },
  onChildrenFinished(ctx, element) {
    completeElement(ctx, element);
  },
};
