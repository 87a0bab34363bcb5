/**
 * Joining gateways. A token arriving at a parallel or inclusive gateway with several incoming flows waits in the
 * flow scope (SEQUENCE_FLOW_TAKEN with `waitsAtJoin`) until the gateway may activate, which consumes one token of
 * each incoming flow that has one (JOIN_CONSUMED):
 * - a parallel join once every incoming flow has a token;
 * - an inclusive join once every incoming flow has a token or can no longer get one (`inclusive-join-reachability`).
 */
import type { FlowNode } from '../../../bpmn/model.js';
import type { ElementInstance } from '../../../state/types.js';
import type { ProcessingContext } from '../../context.js';
import { activateElement, definitionOf } from '../lifecycle.js';
import { canTokenStillArrive } from './inclusive-join-reachability.js';

export function isJoin(node: FlowNode): boolean {
  return (node.kind === 'parallelGateway' || node.kind === 'inclusiveGateway') && node.incoming.length > 1;
}

/**
 * Activates the joins of a scope that may go, as often as their tokens allow. Called once an element's tokens are
 * all placed (its outgoing flows taken, its path ended), since a path leaving the scope may unblock an inclusive join.
 */
export function activateReadyJoins(ctx: ProcessingContext, scope: ElementInstance): void {
  if (scope.state !== 'ACTIVATED' || scope.waitingTokens === 0) return;
  for (const gatewayId of [...(ctx.state.joins.get(scope.key)?.keys() ?? [])]) {
    for (let flowIds = readyFlows(ctx, scope, gatewayId); flowIds; flowIds = readyFlows(ctx, scope, gatewayId)) {
      ctx.write({ type: 'JOIN_CONSUMED', key: ctx.nextKey(), flowScopeKey: scope.key, gatewayId, flowIds });
      activateElement(ctx, scope, gatewayId);
    }
  }
}

/**
 * After an element of the scope was terminated without continuing (a modification), an inclusive join may no longer
 * have to wait. Checked in a later step, so that whatever the terminating command activates instead counts.
 */
export function recheckJoinsAfterTermination(ctx: ProcessingContext, scope: ElementInstance | undefined): void {
  if (!scope || scope.state !== 'ACTIVATED' || scope.waitingTokens === 0) return;
  ctx.schedule(scope, 'complete', () => activateReadyJoins(ctx, scope));
}

/** The incoming flows whose tokens the gateway consumes if it may activate now. */
function readyFlows(ctx: ProcessingContext, scope: ElementInstance, gatewayId: string): string[] | undefined {
  const arrived = ctx.state.joins.get(scope.key)?.get(gatewayId);
  if (!arrived) return undefined;
  const model = definitionOf(ctx, scope).model;
  const gateway = model.elements[gatewayId];
  const withToken = gateway.incoming.filter((flowId) => (arrived.get(flowId) ?? 0) > 0);
  if (withToken.length === gateway.incoming.length) return withToken;
  if (gateway.kind !== 'inclusiveGateway' || withToken.length === 0) return undefined;
  return canTokenStillArrive(model, gateway, new Set(withToken), tokenPositions(ctx, scope, gatewayId)) ? undefined : withToken;
}

/** Where the scope's other tokens are: its active elements, and the joins (but this one) where tokens wait. */
function tokenPositions(ctx: ProcessingContext, scope: ElementInstance, gatewayId: string): string[] {
  const positions = [...(ctx.state.childrenOf.get(scope.key) ?? [])].map((key) => ctx.state.elementInstances.get(key)!.elementId);
  for (const waitingAt of ctx.state.joins.get(scope.key)?.keys() ?? []) if (waitingAt !== gatewayId) positions.push(waitingAt);
  return positions;
}
