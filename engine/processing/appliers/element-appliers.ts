/**
 * Element instances (with multi-instance counts and call activity links), sequence flows and the tokens waiting at
 * parallel and inclusive joins.
 */
import { messageStartLookup, type EngineState } from '../../state/engine-state.js';
import type { ElementInstance } from '../../state/types.js';
import type { ElementActivating } from '../events.js';
import { elementInstance, type Appliers } from './applier.js';

function removeElementInstance(state: EngineState, element: ElementInstance, outcome: 'completed' | 'terminated'): void {
  state.elementInstances.delete(element.key);
  state.variables.delete(element.key);
  state.joins.delete(element.key);
  state.removeChild(element.flowScopeKey, element.key);
  if (element.startCorrelationKey !== undefined) {
    const definition = state.processes.get(element.processDefinitionKey)!;
    state.messageStartedInstances.delete(messageStartLookup(definition.bpmnProcessId, element.startCorrelationKey));
  }
  const scope = state.elementInstances.get(element.flowScopeKey);
  if (scope) scope.activeChildren -= 1;
  if (scope?.innerInstances) scope.innerInstances[outcome] += 1;
  const caller = element.parentElementInstanceKey === undefined ? undefined : state.elementInstances.get(element.parentElementInstanceKey);
  if (caller) delete caller.calledProcessInstanceKey;
}

/** The marks a multi-instance body, its inner instances and a called process instance carry. */
function markInstance(state: EngineState, instance: ElementInstance, event: ElementActivating): void {
  if (event.multiInstanceBody) {
    instance.multiInstanceBody = true;
    instance.innerInstances = { created: 0, completed: 0, terminated: 0 };
  }
  if (event.loopCounter !== undefined) instance.loopCounter = event.loopCounter;
  if (event.parentElementInstanceKey !== undefined) {
    instance.parentElementInstanceKey = event.parentElementInstanceKey;
    instance.parentProcessInstanceKey = event.parentProcessInstanceKey;
    elementInstance(state, event.parentElementInstanceKey).calledProcessInstanceKey = instance.key;
  }
}

type ElementEvents =
  | 'ELEMENT_ACTIVATING' | 'ELEMENT_ACTIVATED' | 'ELEMENT_COMPLETING' | 'ELEMENT_COMPLETED'
  | 'ELEMENT_TERMINATING' | 'ELEMENT_TERMINATED' | 'SEQUENCE_FLOW_TAKEN' | 'JOIN_CONSUMED' | 'WAITING_TOKENS_DISCARDED';

export const elementAppliers: Appliers<ElementEvents> = {
  ELEMENT_ACTIVATING(state, event) {
    const instance: ElementInstance = {
      key: event.key,
      elementId: event.elementId,
      flowScopeKey: event.flowScopeKey,
      processInstanceKey: event.processInstanceKey,
      processDefinitionKey: event.processDefinitionKey,
      state: 'ACTIVATING',
      activeChildren: 0,
      waitingTokens: 0,
      ...(event.triggerVariables && { triggerVariables: event.triggerVariables }),
      ...(event.startCorrelationKey !== undefined && { startCorrelationKey: event.startCorrelationKey }),
    };
    markInstance(state, instance, event);
    state.elementInstances.set(event.key, instance);
    if (event.startCorrelationKey !== undefined) {
      const definition = state.processes.get(event.processDefinitionKey)!;
      state.messageStartedInstances.set(messageStartLookup(definition.bpmnProcessId, event.startCorrelationKey), event.key);
    }
    const scope = state.elementInstances.get(event.flowScopeKey);
    if (scope) scope.activeChildren += 1;
    if (scope?.innerInstances) scope.innerInstances.created += 1;
    state.addChild(event.flowScopeKey, event.key);
  },
  ELEMENT_ACTIVATED(state, event) {
    elementInstance(state, event.key).state = 'ACTIVATED';
  },
  ELEMENT_COMPLETING(state, event) {
    elementInstance(state, event.key).state = 'COMPLETING';
  },
  ELEMENT_TERMINATING(state, event) {
    elementInstance(state, event.key).state = 'TERMINATING';
  },
  ELEMENT_COMPLETED(state, event) {
    removeElementInstance(state, elementInstance(state, event.key), 'completed');
  },
  ELEMENT_TERMINATED(state, event) {
    removeElementInstance(state, elementInstance(state, event.key), 'terminated');
  },
  SEQUENCE_FLOW_TAKEN(state, event) {
    if (!event.waitsAtJoin) return;
    const scope = elementInstance(state, event.flowScopeKey);
    scope.waitingTokens += 1;
    const flow = state.processes.get(scope.processDefinitionKey)!.model.flows[event.flowId];
    let gateways = state.joins.get(scope.key);
    if (!gateways) state.joins.set(scope.key, (gateways = new Map()));
    let arrived = gateways.get(flow.targetId);
    if (!arrived) gateways.set(flow.targetId, (arrived = new Map()));
    arrived.set(event.flowId, (arrived.get(event.flowId) ?? 0) + 1);
  },
  JOIN_CONSUMED(state, event) {
    const scope = elementInstance(state, event.flowScopeKey);
    const gateways = state.joins.get(scope.key);
    const arrived = gateways?.get(event.gatewayId);
    if (!gateways || !arrived) return;
    for (const flowId of event.flowIds) {
      const count = (arrived.get(flowId) ?? 0) - 1;
      if (count > 0) arrived.set(flowId, count);
      else arrived.delete(flowId);
      scope.waitingTokens -= 1;
    }
    if (arrived.size === 0) gateways.delete(event.gatewayId);
    if (gateways.size === 0) state.joins.delete(scope.key);
  },
  WAITING_TOKENS_DISCARDED(state, event) {
    elementInstance(state, event.flowScopeKey).waitingTokens = 0;
    state.joins.delete(event.flowScopeKey);
  },
};
