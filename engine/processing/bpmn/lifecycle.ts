/**
 * The lifecycle every element shares: activation with input mappings, completion with output mappings and taken
 * sequence flows, termination, and the completion of a scope once nothing inside it is left.
 */
import type { FlowNode } from '../../bpmn/model.js';
import type { ElementInstance, Key, ProcessDefinition } from '../../state/types.js';
import { evaluateInScope } from '../behaviors/expressions.js';
import { raiseIncident, resolveIncidentOf } from '../behaviors/incidents.js';
import { propagateVariables, setLocalVariable, visibleVariables } from '../behaviors/variables.js';
import type { ProcessingContext } from '../context.js';
import { completeCallActivity } from './container/call-activity-processor.js';
import { processorOf } from './processors.js';

export function definitionOf(ctx: ProcessingContext, element: ElementInstance): ProcessDefinition {
  return ctx.state.processes.get(element.processDefinitionKey)!;
}

export function nodeOf(ctx: ProcessingContext, element: ElementInstance): FlowNode {
  return definitionOf(ctx, element).model.elements[element.elementId];
}

/**
 * Writes ELEMENT_ACTIVATING now, so the scope counts the element at once, and schedules the rest. A multi-instance
 * activity entered from its scope starts as its body; the body activates the inner instances with their loop counter.
 */
export function activateElement(ctx: ProcessingContext, scope: ElementInstance, elementId: string, loopCounter?: number): ElementInstance {
  const key = ctx.nextKey();
  const multiInstance = definitionOf(ctx, scope).model.elements[elementId].multiInstance !== undefined;
  ctx.write({
    type: 'ELEMENT_ACTIVATING',
    key,
    elementId,
    flowScopeKey: scope.key,
    processInstanceKey: scope.processInstanceKey,
    processDefinitionKey: scope.processDefinitionKey,
    ...(loopCounter !== undefined ? { loopCounter } : multiInstance && { multiInstanceBody: true }),
  });
  const element = ctx.state.elementInstances.get(key)!;
  ctx.schedule(element, 'activate', () => continueActivation(ctx, element));
  return element;
}

/** Applies the input mappings and hands over to the element's processor; also the retry after an incident. */
export function continueActivation(ctx: ProcessingContext, element: ElementInstance): void {
  if (!ctx.state.elementInstances.has(element.key)) return;
  const node = nodeOf(ctx, element);
  // a multi-instance body leaves the activity's mappings to each inner instance
  for (const input of element.multiInstanceBody ? [] : node.inputs) {
    const value = evaluateInScope(ctx.state, element.key, input.source);
    if (!value.ok) return raiseIncident(ctx, element, 'IO_MAPPING_ERROR', value.failure.message, 'activate');
    writeMappedVariable(ctx, element.key, input.target, value.value);
  }
  processorOf(element, node).onActivate(ctx, element, node);
}

export function markActivated(ctx: ProcessingContext, element: ElementInstance): void {
  ctx.write({ type: 'ELEMENT_ACTIVATED', key: element.key });
}

/** Completes an element: output mappings, ELEMENT_COMPLETED, then its outgoing flows (all, or those given). */
export function completeElement(ctx: ProcessingContext, element: ElementInstance, flowIds?: string[]): void {
  ctx.write({ type: 'ELEMENT_COMPLETING', key: element.key });
  continueCompletion(ctx, element, flowIds);
}

export function continueCompletion(ctx: ProcessingContext, element: ElementInstance, flowIds?: string[]): void {
  const node = nodeOf(ctx, element);
  const scope = ctx.state.elementInstances.get(element.flowScopeKey);
  // an inner multi-instance instance merges its outputs from its own scope, where its output element is read
  const outputScope = element.loopCounter === undefined ? scope : element;
  if (node.outputs.length > 0 && outputScope && !element.multiInstanceBody) {
    const outputs: Record<string, unknown> = {};
    for (const output of node.outputs) {
      const value = evaluateInScope(ctx.state, element.key, output.source);
      if (!value.ok) return raiseIncident(ctx, element, 'IO_MAPPING_ERROR', value.failure.message, 'complete');
      setPath(outputs, output.target, value.value, outputScope, ctx);
    }
    propagateVariables(ctx, outputScope.key, outputs);
  }
  if (!scope) return completeProcessInstance(ctx, element);
  const scopeProcessor = processorOf(scope, nodeOf(ctx, scope));
  if (scopeProcessor.completeChild) return scopeProcessor.completeChild(ctx, scope, element);
  ctx.write({ type: 'ELEMENT_COMPLETED', key: element.key });
  const taken = flowIds ?? node.outgoing;
  for (const flowId of taken) takeSequenceFlow(ctx, scope, flowId);
  if (taken.length === 0) finishScopeIfDone(ctx, scope);
}

/** A process instance completed: answer CreateProcessInstanceWithResult, or let the call activity that made it go on. */
function completeProcessInstance(ctx: ProcessingContext, instance: ElementInstance): void {
  const variables = visibleVariables(ctx.state, instance.key);
  ctx.write({ type: 'ELEMENT_COMPLETED', key: instance.key });
  if (instance.parentElementInstanceKey === undefined) {
    ctx.completedProcessInstances.push({ processInstanceKey: instance.key, variables });
  } else {
    completeCallActivity(ctx, ctx.state.elementInstances.get(instance.parentElementInstanceKey)!, variables);
  }
}

function takeSequenceFlow(ctx: ProcessingContext, scope: ElementInstance, flowId: string): void {
  const model = definitionOf(ctx, scope).model;
  const target = model.elements[model.flows[flowId].targetId];
  const waitsAtJoin = target.kind === 'parallelGateway' && target.incoming.length > 1;
  ctx.write({ type: 'SEQUENCE_FLOW_TAKEN', key: ctx.nextKey(), flowId, flowScopeKey: scope.key, waitsAtJoin });
  if (!waitsAtJoin) {
    activateElement(ctx, scope, target.id);
    return;
  }
  const arrived = ctx.state.joins.get(scope.key)?.get(target.id);
  if (!arrived || !target.incoming.every((incoming) => (arrived.get(incoming) ?? 0) > 0)) return;
  ctx.write({ type: 'JOIN_CONSUMED', key: ctx.nextKey(), flowScopeKey: scope.key, gatewayId: target.id, flowIds: target.incoming });
  activateElement(ctx, scope, target.id);
}

/** A scope whose children all finished and where no token waits completes, through its own processor. */
export function finishScopeIfDone(ctx: ProcessingContext, scope: ElementInstance): void {
  if (scope.activeChildren > 0 || scope.waitingTokens > 0 || scope.state !== 'ACTIVATED') return;
  const processor = processorOf(scope, nodeOf(ctx, scope));
  ctx.schedule(scope, 'complete', () => {
    if (ctx.state.elementInstances.get(scope.key) === scope && scope.state === 'ACTIVATED' && scope.activeChildren === 0) {
      processor.onChildrenFinished?.(ctx, scope, nodeOf(ctx, scope));
    }
  });
}

/** Terminates an element and everything inside it, children first. */
export function terminateElement(ctx: ProcessingContext, element: ElementInstance): void {
  ctx.write({ type: 'ELEMENT_TERMINATING', key: element.key });
  for (const childKey of [...(ctx.state.childrenOf.get(element.key) ?? [])]) {
    terminateElement(ctx, ctx.state.elementInstances.get(childKey)!);
  }
  resolveIncidentOf(ctx, element);
  processorOf(element, nodeOf(ctx, element)).onTerminate?.(ctx, element);
  ctx.write({ type: 'ELEMENT_TERMINATED', key: element.key });
}

/** Writes a mapping's target, which may be a path (`owner.address.city`) into a variable. */
function writeMappedVariable(ctx: ProcessingContext, scopeKey: Key, target: string, value: unknown): void {
  const [name, ...path] = target.split('.');
  if (path.length === 0) return setLocalVariable(ctx, scopeKey, name, value);
  const current = ctx.state.variables.get(scopeKey)?.get(name)?.value;
  setLocalVariable(ctx, scopeKey, name, withPath(current, path, value));
}

function setPath(document: Record<string, unknown>, target: string, value: unknown, scope: ElementInstance, ctx: ProcessingContext): void {
  const [name, ...path] = target.split('.');
  if (path.length === 0) {
    document[name] = value;
    return;
  }
  const current = name in document ? document[name] : visibleVariables(ctx.state, scope.key)[name];
  document[name] = withPath(current, path, value);
}

function withPath(current: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const base = typeof current === 'object' && current !== null && !Array.isArray(current) ? { ...current } : {};
  const [head, ...rest] = path;
  (base as Record<string, unknown>)[head] = withPath((base as Record<string, unknown>)[head], rest, value);
  return base;
}
