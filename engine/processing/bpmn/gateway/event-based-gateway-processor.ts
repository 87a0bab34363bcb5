/** Event-based gateway: waits for the first of the events after it; that event's path is taken (see event-triggers). */
import type { ElementProcessor } from '../element-processor.js';
import { markActivated } from '../lifecycle.js';

export const eventBasedGatewayProcessor: ElementProcessor = {
  onActivate(ctx, element) {
    markActivated(ctx, element);
  },
};
