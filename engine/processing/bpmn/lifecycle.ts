/**
 * The lifecycle every element shares: activation with input mappings, completion with output mappings and taken
 * sequence flows, termination, and the completion of a scope once nothing inside it is left.
 */
import type { FlowNode } from '../../bpmn/model.js';
import type { ElementInstance, Key, ProcessDefinition } from '../../state/types.js';
import { closeCatchEvents, openCatchEvents } from '../behaviors/catch-events.js';
import { evaluateInScope } from '../behaviors/expressions.js';
import { raiseIncident, resolveIncidentOf } from '../behaviors/incidents.js';
import { processInstanceEnded } from '../behaviors/message-correlation.js';
import { propagateVariables, setLocalVariable, visibleVariables } from '../behaviors/variables.js';
import type { ProcessingContext } from '../context.js';
import type { ElementActivating } from '../events.js';
import { completeCallActivity } from './container/call-activity-processor.js';
import { activateReadyJoins, isJoin, recheckJoinsAfterTermination } from './gateway/join.js';
import { processorOf } from './processors.js';

export function definitionOf(ctx: ProcessingContext, element: ElementInstance): ProcessDefinition {
  return ctx.state.processes.get(element.processDefinitionKey)!;
}

export function nodeOf(ctx: ProcessingContext, element: ElementInstance): FlowNode {
  return definitionOf(ctx, element).model.elements[element.elementId];
}

/**
 * Writes ELEMENT_ACTIVATING now, so the scope counts the element at once, and schedules the rest. `triggerVariables`
 * are given when an event activates the element (a boundary event, an event sub-process, a caught start event). A
 * multi-instance activity starts as its body, which then activates the inner instances.
 */
export function activateElement(
  ctx: ProcessingContext, scope: ElementInstance, elementId: string, triggerVariables?: Record<string, unknown>,
): ElementInstance {
  const multiInstance = definitionOf(ctx, scope).model.elements[elementId].multiInstance !== undefined;
  return writeActivating(ctx, scope, elementId, {
    ...(triggerVariables && { triggerVariables }),
    ...(multiInstance && { multiInstanceBody: true }),
  });
}

/** An inner instance of a multi-instance body, at this 1-based position of the input collection. */
export function activateInnerInstance(ctx: ProcessingContext, body: ElementInstance, loopCounter: number): ElementInstance {
  return writeActivating(ctx, body, body.elementId, { loopCounter });
}

type ActivationMarks = Pick<ElementActivating, 'triggerVariables' | 'multiInstanceBody' | 'loopCounter'>;

function writeActivating(ctx: ProcessingContext, scope: ElementInstance, elementId: string, marks: ActivationMarks): ElementInstance {
  const key = ctx.nextKey();
  ctx.write({
    type: 'ELEMENT_ACTIVATING',
    key,
    elementId,
    flowScopeKey: scope.key,
    processInstanceKey: scope.processInstanceKey,
    processDefinitionKey: scope.processDefinitionKey,
    ...marks,
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

/**
 * Opens the element's catch events and writes ELEMENT_ACTIVATED; false (with an incident) when a subscription's
 * expression fails, and then the processor must stop.
 */
export function markActivated(ctx: ProcessingContext, element: ElementInstance): boolean {
  const model = definitionOf(ctx, element).model;
  const opened = openCatchEvents(ctx, element, model, model.elements[element.elementId]);
  if (!opened.ok) {
    raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', opened.failure.message, 'activate');
    return false;
  }
  ctx.write({ type: 'ELEMENT_ACTIVATED', key: element.key });
  return true;
}

/**
/**
 * Completes an element: output mappings, ELEMENT_COMPLETED, then its outgoing flows (all, or those given), or for a
 * link throw event its link catch event; an event-based gateway passes the variables of the event that was caught
 * on to that event.
 */
export function completeElement(
  ctx: ProcessingContext, element: ElementInstance, flowIds?: string[], triggerVariables?: Record<string, unknown>,
): void {
  ctx.write({ type: 'ELEMENT_COMPLETING', key: element.key });
  closeCatchEvents(ctx, element.key);
  continueCompletion(ctx, element, flowIds, triggerVariables);
}

export function continueCompletion(
  ctx: ProcessingContext, element: ElementInstance, flowIds?: string[], triggerVariables?: Record<string, unknown>,
): void {
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
  for (const flowId of flowIds ?? node.outgoing) takeSequenceFlow(ctx, scope, flowId, triggerVariables);
  if (node.linkTargetId !== undefined) activateElement(ctx, scope, node.linkTargetId);
  // only now that all of this element's tokens are placed: an inclusive join may wait for one of them
  activateReadyJoins(ctx, scope);
  finishScopeIfDone(ctx, scope);
}

/** A process instance completed: answer CreateProcessInstanceWithResult, or let the call activity that made it go on. */
function completeProcessInstance(ctx: ProcessingContext, instance: ElementInstance): void {
  const variables = visibleVariables(ctx.state, instance.key);
  ctx.write({ type: 'ELEMENT_COMPLETED', key: instance.key });
  processInstanceEnded(ctx, instance);
  if (instance.parentElementInstanceKey === undefined) {
    ctx.completedProcessInstances.push({ processInstanceKey: instance.key, variables });
  } else {
    completeCallActivity(ctx, ctx.state.elementInstances.get(instance.parentElementInstanceKey)!, variables);
  }
}

function takeSequenceFlow(ctx: ProcessingContext, scope: ElementInstance, flowId: string, triggerVariables?: Record<string, unknown>): void {
  const model = definitionOf(ctx, scope).model;
  const target = model.elements[model.flows[flowId].targetId];
  const waitsAtJoin = isJoin(target);
  ctx.write({ type: 'SEQUENCE_FLOW_TAKEN', key: ctx.nextKey(), flowId, flowScopeKey: scope.key, waitsAtJoin });
  if (!waitsAtJoin) activateElement(ctx, scope, target.id, triggerVariables);
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
  closeCatchEvents(ctx, element.key);
  for (const childKey of [...(ctx.state.childrenOf.get(element.key) ?? [])]) {
    terminateElement(ctx, ctx.state.elementInstances.get(childKey)!);
  }
  resolveIncidentOf(ctx, element);
  processorOf(element, nodeOf(ctx, element)).onTerminate?.(ctx, element);
  ctx.write({ type: 'ELEMENT_TERMINATED', key: element.key });
  if (element.flowScopeKey === -1) processInstanceEnded(ctx, element);
  recheckJoinsAfterTermination(ctx, ctx.state.elementInstances.get(element.flowScopeKey));
}

/**
 * Terminates everything inside a scope but `keep` (a terminate end event), and drops the tokens waiting at its joins
 * first, so the terminations have no join to re-check; the scope itself stays.
 */
export function terminateChildren(ctx: ProcessingContext, scope: ElementInstance, keep?: ElementInstance): void {
  if (scope.waitingTokens > 0) ctx.write({ type: 'WAITING_TOKENS_DISCARDED', key: ctx.nextKey(), flowScopeKey: scope.key });
  for (const key of [...(ctx.state.childrenOf.get(scope.key) ?? [])]) {
    if (key !== keep?.key) terminateElement(ctx, ctx.state.elementInstances.get(key)!);
  }
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
