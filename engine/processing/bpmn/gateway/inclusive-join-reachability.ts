/**
 * Camunda 8.6's rule for a joining inclusive gateway: it waits only while a token can still arrive on an incoming flow
 * that has none yet. A token can still arrive when a path leads there from an active element of the same flow scope,
 * through sequence flows, link events (a throw event continues at its catch event) and the boundary events of the
 * activities on the way. Paths through the gateway itself do not count: they would arrive after it activated.
 */
import type { ExecutableProcess, FlowNode } from '../../../bpmn/model.js';

/**
 * Whether one of `fromElementIds` (active elements, or gateways where tokens wait) can reach an incoming flow of
 * `gateway` not in `arrivedFlowIds`.
 */
export function canTokenStillArrive(
  model: ExecutableProcess,
  gateway: FlowNode,
  arrivedFlowIds: ReadonlySet<string>,
  fromElementIds: Iterable<string>,
): boolean {
  const seen = new Set<string>();
  const pending = [...fromElementIds];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const node = model.elements[id];
    for (const flowId of node.outgoing) {
      const targetId = model.flows[flowId].targetId;
      if (targetId !== gateway.id) pending.push(targetId);
      else if (!arrivedFlowIds.has(flowId)) return true;
    }
    if (node.linkTargetId !== undefined) pending.push(node.linkTargetId);
    if (node.boundaryEventIds) pending.push(...node.boundaryEventIds);
  }
  return false;
}
