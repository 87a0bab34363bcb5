/**
 * ModifyProcessInstance, as Zeebe documents it: first every activate instruction (with its variables), then every
 * terminate instruction; a flow scope (sub-process or the process instance) left without active instances is
 * terminated too. All or nothing: everything is checked and planned before the first event is written.
 */
import type { EngineState } from '../../state/engine-state.js';
import type { ElementInstance, Key } from '../../state/types.js';
import { ActivationPlan, type PlannedActivation, type ScopeVisitor } from '../behaviors/element-activation.js';
import { setLocalVariables } from '../behaviors/variables.js';
import { terminateElement } from '../bpmn/lifecycle.js';
import type { ProcessingContext } from '../context.js';
import { validateModification } from './modification-validation.js';
import { invalidArgument, notFound } from './rejection.js';

export interface ModifyProcessInstanceCommand {
  processInstanceKey: Key;
  activateInstructions: ActivateInstruction[];
  /** Keys of the element instances to terminate. */
  terminateInstructions: Key[];
}

export interface ActivateInstruction {
  elementId: string;
  /** The instance of a flow scope to activate the element in; absent: the one existing instance, or a new one. */
  ancestorElementInstanceKey?: Key;
  variableInstructions: VariableInstruction[];
}

export interface VariableInstruction {
  variables: Record<string, unknown>;
  /** The element (the activated one or one of its flow scopes) whose instance gets the variables; '' for the process instance. */
  scopeId: string;
}

export function modifyProcessInstance(ctx: ProcessingContext, command: ModifyProcessInstanceCommand): void {
  const processInstance = ctx.state.elementInstances.get(command.processInstanceKey);
  if (!processInstance || processInstance.flowScopeKey !== -1) {
    throw notFound(`Expected to modify process instance but no process instance found with key '${command.processInstanceKey}'`);
  }
  const model = ctx.state.processes.get(processInstance.processDefinitionKey)!.model;
  validateModification(ctx.state, processInstance, model, command);

  const plan = new ActivationPlan(ctx.state, processInstance, model);
  const activations = command.activateInstructions.map((instruction) => {
    const activation = plan.add(instruction.elementId, instruction.ancestorElementInstanceKey);
    if (!activation.ok) {
      throw invalidArgument(`Expected to modify instance of process '${model.bpmnProcessId}' but it contains one or more activate instructions for an element that has a flow scope with more than one active instance: '${activation.failure.flowScopeId}'. Can't decide in which instance of the flow scope the element should be activated. Please specify an ancestor element instance key for this activate instruction.`);
    }
    return activation.value;
  });
  rejectActivationInTerminatedScope(model.bpmnProcessId, activations, command.terminateInstructions);
  const terminations = planTerminations(ctx.state, model.bpmnProcessId, command.terminateInstructions, newChildrenByScope(plan, activations));

  activations.forEach((activation, index) => plan.execute(ctx, activation, variableSetter(ctx, command.activateInstructions[index])));
  for (const key of terminations) {
    const instance = ctx.state.elementInstances.get(key);
    if (!instance) continue;
    terminateElement(ctx, instance);
    if (instance.flowScopeKey === -1) ctx.terminatedProcessInstances.push(instance.key);
  }
}

/** Writes an instruction's variables, as local variables, into the instances whose element its scope ids name. */
function variableSetter(ctx: ProcessingContext, instruction: ActivateInstruction): ScopeVisitor {
  return (elementId, instance) => {
    for (const { scopeId, variables } of instruction.variableInstructions) {
      if (scopeId === elementId || (scopeId === '' && instance.flowScopeKey === -1)) setLocalVariables(ctx, instance.key, variables);
    }
  };
}

/** An element cannot be activated in a flow scope instance that the same command terminates. */
function rejectActivationInTerminatedScope(bpmnProcessId: string, activations: PlannedActivation[], terminateKeys: Key[]): void {
  const terminated = new Set(terminateKeys);
  const conflicts = activations.flatMap((activation) => {
    const required = activation.scopes.flatMap((ref) => ('existing' in ref && terminated.has(ref.existing) ? [ref.existing] : []));
    return required.length === 0 ? [] : [`element '${activation.elementId}' requires flow scope instance '${required[required.length - 1]}' which is being terminated`];
  });
  if (conflicts.length > 0) {
    throw invalidArgument(`Expected to modify instance of process '${bpmnProcessId}' but it contains one or more activate instructions for elements whose required flow scope instance is also being terminated: ${conflicts.join(', ')}. Please provide a valid ancestor scope key for the activation or avoid terminating the required flow scope.`);
  }
}

/** How many element instances the activations add directly inside each existing instance. */
function newChildrenByScope(plan: ActivationPlan, activations: PlannedActivation[]): Map<Key, number> {
  const counts = new Map<Key, number>();
  const count = (key: Key) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const scope of plan.plannedScopes) if ('existing' in scope.parent) count(scope.parent.existing);
  for (const { scopes } of activations) {
    const direct = scopes[scopes.length - 1];
    if ('existing' in direct) count(direct.existing);
  }
  return counts;
}

/**
 * The element instances to terminate, in order: each instructed one (unless inside one terminated before), then each
 * flow scope above it that is left with no active instance and no token waiting at a join.
 */
function planTerminations(state: EngineState, bpmnProcessId: string, keys: Key[], newChildren: Map<Key, number>): Key[] {
  const terminating = new Set<Key>();
  const isTerminating = (instance: ElementInstance) => ancestorsAndSelf(state, instance).some((key) => terminating.has(key));
  for (const key of keys) {
    let instance = state.elementInstances.get(key)!;
    if (isTerminating(instance)) continue;
    for (;;) {
      if (instance.flowScopeKey === -1 && (instance.parentElementInstanceKey ?? -1) !== -1) {
        throw invalidArgument(`Expected to modify instance of process '${bpmnProcessId}' but the given instructions would terminate the instance. The instance was created by a call activity in the parent process. To terminate this instance please modify the parent process instead.`);
      }
      terminating.add(instance.key);
      const scope = state.elementInstances.get(instance.flowScopeKey);
      if (!scope || isTerminating(scope)) break;
      const remaining = [...(state.childrenOf.get(scope.key) ?? [])].filter((child) => !terminating.has(child)).length;
      if (remaining + (newChildren.get(scope.key) ?? 0) > 0 || scope.waitingTokens > 0) break;
      instance = scope;
    }
  }
  return [...terminating];
}

function ancestorsAndSelf(state: EngineState, instance: ElementInstance): Key[] {
  const keys: Key[] = [];
  for (let current: ElementInstance | undefined = instance; current; current = state.elementInstances.get(current.flowScopeKey)) keys.push(current.key);
  return keys;
}
