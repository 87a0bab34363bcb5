/** Event sub-process: activated by its start event's trigger, it starts there and completes like a sub-process. */
import type { ElementProcessor } from '../element-processor.js';
import { activateElement, completeElement, markActivated } from '../lifecycle.js';

export const eventSubProcessProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    if (!markActivated(ctx, element)) return;
    activateElement(ctx, element, node.startEventId!, element.triggerVariables ?? {});
  },
  onChildrenFinished(ctx, element) {
    completeElement(ctx, element);
  },
};
