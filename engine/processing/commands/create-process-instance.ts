/** CreateProcessInstance: picks the definition, writes the root scope's variables and starts the instance. */
import type { ExecutableProcess } from '../../bpmn/model.js';
import type { ElementInstance, ProcessDefinition } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';
import { activateElement, markActivated } from '../bpmn/lifecycle.js';
import { createProcessInstanceScope } from '../bpmn/process-instance-scope.js';
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
  const instance = createProcessInstanceScope(ctx, definition, command.variables);
  if (command.startElementIds.length === 0) activateElement(ctx, instance, root.noneStartEventId!);
  for (const elementId of command.startElementIds) activateInstructedElement(ctx, instance, model, elementId);
  return { processInstanceKey: instance.key, processDefinitionKey: definition.key, bpmnProcessId: definition.bpmnProcessId, version: definition.version };
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

/** Activates an element named by a start instruction, creating the sub-process scopes around it first. */
function activateInstructedElement(ctx: ProcessingContext, root: ElementInstance, model: ExecutableProcess, elementId: string): void {
  const chain: string[] = [];
  for (let id = model.elements[elementId].parentId; id !== model.bpmnProcessId; id = model.elements[id].parentId) chain.unshift(id);
  let scope = root;
  for (const containerId of chain) {
    const existing = [...(ctx.state.childrenOf.get(scope.key) ?? [])]
      .map((key) => ctx.state.elementInstances.get(key)!)
      .find((child) => child.elementId === containerId);
    if (existing) {
      scope = existing;
      continue;
    }
    const key = ctx.nextKey();
    ctx.write({ type: 'ELEMENT_ACTIVATING', key, elementId: containerId, flowScopeKey: scope.key, processInstanceKey: root.key, processDefinitionKey: root.processDefinitionKey });
    scope = ctx.state.elementInstances.get(key)!;
    markActivated(ctx, scope);
  }
  activateElement(ctx, scope, elementId);
}
