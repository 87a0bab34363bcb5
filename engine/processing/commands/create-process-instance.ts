/** CreateProcessInstance: picks the definition, writes the root scope's variables and starts the instance. */
import type { ElementInstance, ProcessDefinition } from '../../state/types.js';
import { ActivationPlan } from '../behaviors/element-activation.js';
import { setLocalVariables } from '../behaviors/variables.js';
import type { ProcessingContext } from '../context.js';
import { activateElement, markActivated } from '../bpmn/lifecycle.js';
import { failedPrecondition, invalidArgument, notFound } from './rejection.js';

export interface CreateProcessInstanceCommand {
  processDefinitionKey?: number;
  bpmnProcessId?: string;
  /** -1 or absent: the latest version. */
  version?: number;
  variables: Record<string, unknown>;
  startElementIds: string[];
}

export interface CreatedProcessInstance {
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
}

export function createProcessInstance(ctx: ProcessingContext, command: CreateProcessInstanceCommand): CreatedProcessInstance {
  const definition = findDefinition(ctx, command);
  const model = definition.model;
  const root = model.elements[model.bpmnProcessId];
  for (const elementId of command.startElementIds) {
    const node = model.elements[elementId];
    if (!node || node.kind === 'process') {
      throw invalidArgument(`Expected to create instance of process with start instructions but no element found with id '${elementId}'.`);
    }
  }
  if (command.startElementIds.length === 0 && root.noneStartEventId === undefined) {
    throw failedPrecondition(`Expected to create instance of process with none start event, but there is no such event`);
  }
  const instance = createRootInstance(ctx, definition, command.variables);
  if (!markActivated(ctx, instance)) return created(instance, definition);
  if (command.startElementIds.length === 0) activateElement(ctx, instance, root.noneStartEventId!);
  const plan = new ActivationPlan(ctx.state, instance, model);
  const activations = command.startElementIds.map((elementId) => {
    const activation = plan.add(elementId);
    // A new instance has no flow scope instances but those this plan creates, one of each, so none is ambiguous.
    if (!activation.ok) throw new Error(`Start instructions found more than one instance of '${activation.failure.flowScopeId}'`);
    return activation.value;
  });
  for (const activation of activations) plan.execute(ctx, activation);
  return created(instance, definition);
}

function created(instance: ElementInstance, definition: ProcessDefinition): CreatedProcessInstance {
  return { processInstanceKey: instance.key, processDefinitionKey: definition.key, bpmnProcessId: definition.bpmnProcessId, version: definition.version };
}

/** How a process instance came to be, when a client did not simply create it. */
export interface RootOrigin {
  /** Started by a message with this correlation key. */
  startCorrelationKey?: string;
  /** Created by this call activity. */
  callActivity?: ElementInstance;
}

/** The process instance itself, with its variables; the caller activates what runs first. */
export function createRootInstance(
  ctx: ProcessingContext, definition: ProcessDefinition, variables: Record<string, unknown>, origin: RootOrigin = {},
): ElementInstance {
  const { startCorrelationKey, callActivity } = origin;
  const key = ctx.nextKey();
  ctx.write({
    type: 'ELEMENT_ACTIVATING',
    key,
    elementId: definition.bpmnProcessId,
    flowScopeKey: -1,
    processInstanceKey: key,
    processDefinitionKey: definition.key,
    ...(startCorrelationKey !== undefined && { startCorrelationKey }),
    ...(callActivity && { parentElementInstanceKey: callActivity.key, parentProcessInstanceKey: callActivity.processInstanceKey }),
  });
  setLocalVariables(ctx, key, variables);
  return ctx.state.elementInstances.get(key)!;
}

/** An instance started by its message, timer or signal start event, which completes with the event's variables. */
export function startAtEventStartEvent(
  ctx: ProcessingContext, definition: ProcessDefinition, startEventId: string, variables: Record<string, unknown>,
  startCorrelationKey?: string,
): void {
  const instance = createRootInstance(ctx, definition, {}, { startCorrelationKey });
  if (markActivated(ctx, instance)) activateElement(ctx, instance, startEventId, variables);
}

function findDefinition(ctx: ProcessingContext, command: CreateProcessInstanceCommand): ProcessDefinition {
  const { state } = ctx;
  if (command.processDefinitionKey !== undefined && command.processDefinitionKey > 0) {
    const definition = state.processes.get(command.processDefinitionKey);
    if (!definition) {
      throw notFound(`Expected to find process definition with key '${command.processDefinitionKey}', but none found`);
    }
    return definition;
  }
  const id = command.bpmnProcessId ?? '';
  if (id === '') throw invalidArgument(`Expected either a processDefinitionKey or a bpmnProcessId, but none given`);
  const latest = command.version === undefined || command.version < 0;
  const definition = latest ? state.latestProcess(id) : state.processByVersion(id, command.version!);
  if (!definition) {
    throw notFound(latest
      ? `Expected to find process definition with process ID '${id}', but none found`
      : `Expected to find process definition with process ID '${id}' and version '${command.version}', but none found`);
  }
  return definition;
}
