/** Exclusive gateway: takes the first outgoing flow whose condition holds, else the default, else an incident. */
import type { FlowNode } from '../../../bpmn/model.js';
import { evaluateCondition } from '../../behaviors/expressions.js';
import { raiseIncident } from '../../behaviors/incidents.js';
import type { ProcessingContext } from '../../context.js';
import type { ElementInstance } from '../../../state/types.js';
import { fail, ok, type Result } from '../../../result.js';
import type { ElementProcessor } from '../element-processor.js';
import { completeElement, definitionOf, markActivated } from '../lifecycle.js';

export const exclusiveGatewayProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    const chosen = chooseFlow(ctx, element, node);
    if (!chosen.ok) return raiseIncident(ctx, element, 'CONDITION_ERROR', chosen.failure.message, 'activate');
    if (!markActivated(ctx, element)) return;
    completeElement(ctx, element, chosen.value === undefined ? [] : [chosen.value]);
  },
};

function chooseFlow(ctx: ProcessingContext, element: ElementInstance, node: FlowNode): Result<string | undefined> {
  if (node.outgoing.length === 0) return ok(undefined);
  const flows = definitionOf(ctx, element).model.flows;
  for (const flowId of node.outgoing) {
    const condition = flows[flowId].condition;
    if (flowId === node.defaultFlow) continue;
    if (condition === undefined) return ok(flowId);
    const result = evaluateCondition(ctx.state, element.flowScopeKey, condition);
    if (!result.ok) return result;
    if (result.value) return ok(flowId);
  }
  if (node.defaultFlow !== undefined) return ok(node.defaultFlow);
  return fail(`Expected at least one condition to evaluate to true, or to have a default flow`);
}
