/**
 * Inclusive gateway: the lifecycle joins the incoming tokens (see `join.ts`); activation forks to every outgoing flow
 * whose condition holds, else to the default flow, else raises an incident.
 */
import { raiseIncident } from '../../behaviors/incidents.js';
import type { ElementProcessor } from '../element-processor.js';
import { completeElement, markActivated } from '../lifecycle.js';
import { chooseConditionalFlows } from './conditional-flows.js';

export const inclusiveGatewayProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    const chosen = chooseConditionalFlows(ctx, element, node, 'all');
    if (!chosen.ok) return raiseIncident(ctx, element, 'CONDITION_ERROR', chosen.failure.message, 'activate');
    if (!markActivated(ctx, element)) return;
    completeElement(ctx, element, chosen.value);
  },
};
