/** Exclusive gateway: takes the first outgoing flow whose condition holds, else the default, else an incident. */
import { raiseIncident } from '../../behaviors/incidents.js';
import type { ElementProcessor } from '../element-processor.js';
import { completeElement, markActivated } from '../lifecycle.js';
import { chooseConditionalFlows } from './conditional-flows.js';

export const exclusiveGatewayProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    const chosen = chooseConditionalFlows(ctx, element, node, 'first');
    if (!chosen.ok) return raiseIncident(ctx, element, 'CONDITION_ERROR', chosen.failure.message, 'activate');
    if (!markActivated(ctx, element)) return;
    completeElement(ctx, element, chosen.value);
  },
};
