/**
 * The outgoing flows a data-based gateway takes: those whose condition holds (exclusive: the first one, inclusive:
 * all of them), else the default flow, else a failure that becomes a CONDITION_ERROR incident.
 */
import type { FlowNode } from '../../../bpmn/model.js';
import { fail, ok, type Result } from '../../../result.js';
import type { ElementInstance } from '../../../state/types.js';
import { evaluateCondition } from '../../behaviors/expressions.js';
import type { ProcessingContext } from '../../context.js';
import { definitionOf } from '../lifecycle.js';

export function chooseConditionalFlows(
  ctx: ProcessingContext,
  element: ElementInstance,
  node: FlowNode,
  take: 'first' | 'all',
): Result<string[]> {
  if (node.outgoing.length === 0) return ok([]);
  const flows = definitionOf(ctx, element).model.flows;
  const chosen: string[] = [];
  for (const flowId of node.outgoing) {
    if (flowId === node.defaultFlow) continue;
    const condition = flows[flowId].condition;
    const holds = condition === undefined ? ok(true) : evaluateCondition(ctx.state, element.flowScopeKey, condition);
    if (!holds.ok) return holds;
    if (!holds.value) continue;
    chosen.push(flowId);
    if (take === 'first') break;
  }
  if (chosen.length > 0) return ok(chosen);
  if (node.defaultFlow !== undefined) return ok([node.defaultFlow]);
  return fail(`Expected at least one condition to evaluate to true, or to have a default flow`);
}
