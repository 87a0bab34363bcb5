/**
 * The checks Zeebe makes on a ModifyProcessInstance command before it changes anything, in Zeebe's order and with its
 * rejection messages (INVALID_ARGUMENT).
 */
import type { ElementKind, ExecutableProcess } from '../../bpmn/model.js';
import type { EngineState } from '../../state/engine-state.js';
import type { ElementInstance } from '../../state/types.js';
import { flowScopeIdsBelowProcess } from '../behaviors/element-activation.js';
import type { ModifyProcessInstanceCommand } from './modify-process-instance.js';
import { invalidArgument } from './rejection.js';

/** Zeebe's names of the element types, in the order of its enum; activation rejects some (and the process itself). */
const ZEEBE_ELEMENT_TYPES: Record<ElementKind, string> = {
  process: 'PROCESS',
  subProcess: 'SUB_PROCESS',
  eventSubProcess: 'EVENT_SUB_PROCESS',
  startEvent: 'START_EVENT',
  intermediateCatchEvent: 'INTERMEDIATE_CATCH_EVENT',
  intermediateThrowEvent: 'INTERMEDIATE_THROW_EVENT',
  boundaryEvent: 'BOUNDARY_EVENT',
  endEvent: 'END_EVENT',
  serviceTask: 'SERVICE_TASK',
  receiveTask: 'RECEIVE_TASK',
  userTask: 'USER_TASK',
  manualTask: 'MANUAL_TASK',
  task: 'TASK',
  exclusiveGateway: 'EXCLUSIVE_GATEWAY',
  parallelGateway: 'PARALLEL_GATEWAY',
  eventBasedGateway: 'EVENT_BASED_GATEWAY',
  callActivity: 'CALL_ACTIVITY',
  businessRuleTask: 'BUSINESS_RULE_TASK',
  scriptTask: 'SCRIPT_TASK',
  sendTask: 'SEND_TASK',
  inclusiveGateway: 'INCLUSIVE_GATEWAY',
};
const UNSUPPORTED_KINDS = new Set<ElementKind>(['process', 'startEvent', 'boundaryEvent']);
const SEQUENCE_FLOW = 'SEQUENCE_FLOW';
const SUPPORTED_TYPES = Object.entries(ZEEBE_ELEMENT_TYPES)
  .filter(([kind]) => !UNSUPPORTED_KINDS.has(kind as ElementKind))
  .map(([, type]) => type);

export function validateModification(state: EngineState, processInstance: ElementInstance, model: ExecutableProcess, command: ModifyProcessInstanceCommand): void {
  const check = new ModificationCheck(state, processInstance, model, command);
  check.activatedElementsExist();
  check.activatedElementsSupported();
  check.terminatedInstancesExist();
  check.variableScopesExist();
  check.variableScopesAreFlowScopes();
  check.ancestorsValid();
}

class ModificationCheck {
  private readonly prefix: string;
  private readonly elementIds: string[];

  constructor(
    private readonly state: EngineState,
    private readonly processInstance: ElementInstance,
    private readonly model: ExecutableProcess,
    private readonly command: ModifyProcessInstanceCommand,
  ) {
    this.prefix = `Expected to modify instance of process '${model.bpmnProcessId}' but it contains one or more`;
    this.elementIds = unique(command.activateInstructions.map((instruction) => instruction.elementId));
  }

  activatedElementsExist(): void {
    const unknown = this.elementIds.filter((id) => !this.model.elements[id] && !this.model.flows[id]);
    if (unknown.length > 0) {
      throw invalidArgument(`${this.prefix} activate instructions with an element that could not be found: '${unknown.join("', '")}'`);
    }
  }

  activatedElementsSupported(): void {
    const nodes = this.elementIds.flatMap((id) => (this.model.elements[id] ? [this.model.elements[id]] : []));
    const afterEventBasedGateway = nodes.filter((node) => node.incoming.some((flowId) => {
      const source = this.model.elements[this.model.flows[flowId].sourceId];
      return source.kind === 'eventBasedGateway';
    }));
    this.rejectUnsupported(afterEventBasedGateway.map((node) => node.id), 'The activation of events belonging to an event-based gateway is not supported');
    const insideMultiInstance = nodes.filter((node) => node.kind !== 'process'
      && flowScopeIdsBelowProcess(this.model, node.id).some((id) => this.model.elements[id].multiInstance));
    this.rejectUnsupported(insideMultiInstance.map((node) => node.id), 'The activation of elements inside a multi-instance subprocess is not supported');
    const unsupported = this.elementIds
      .map((id) => ({ id, type: this.model.elements[id] ? ZEEBE_ELEMENT_TYPES[this.model.elements[id].kind] : SEQUENCE_FLOW }))
      .filter(({ id, type }) => type === SEQUENCE_FLOW || UNSUPPORTED_KINDS.has(this.model.elements[id].kind));
    const types = unique(unsupported.map(({ type }) => type)).join("', '");
    this.rejectUnsupported(unsupported.map(({ id }) => id),
      `The activation of elements with type '${types}' is not supported. Supported element types are: [${SUPPORTED_TYPES.join(', ')}]`);
  }

  /** Only element instances of this process instance; Zeebe would also look in others. */
  terminatedInstancesExist(): void {
    const unknown = unique(this.command.terminateInstructions).filter((key) => this.state.elementInstances.get(key)?.processInstanceKey !== this.processInstance.key);
    if (unknown.length > 0) {
      throw invalidArgument(`${this.prefix} terminate instructions with an element instance that could not be found: '${unknown.join("', '")}'`);
    }
  }

  variableScopesExist(): void {
    const scopeIds = this.command.activateInstructions.flatMap((instruction) => instruction.variableInstructions.map((variables) => variables.scopeId));
    const unknown = unique(scopeIds).filter((id) => id !== '' && !this.model.elements[id] && !this.model.flows[id]);
    if (unknown.length > 0) {
      throw invalidArgument(`${this.prefix} variable instructions with a scope element id that could not be found: '${unknown.join("', '")}'`);
    }
  }

  /** Variables go to the element itself, one of its flow scopes, or (no scope id) the process instance. */
  variableScopesAreFlowScopes(): void {
    const outside = this.command.activateInstructions.some(({ elementId, variableInstructions }) => variableInstructions.some(({ scopeId }) =>
      scopeId !== '' && scopeId !== elementId && scopeId !== this.model.bpmnProcessId && !flowScopeIdsBelowProcess(this.model, elementId).includes(scopeId)));
    if (outside) {
      throw invalidArgument(`${this.prefix} variable instructions with a scope element that doesn't belong to the activating element's flow scope. These variables should be set before or after the modification.`);
    }
  }

  ancestorsValid(): void {
    const withAncestor = this.command.activateInstructions.filter((instruction) => instruction.ancestorElementInstanceKey !== undefined);
    const ancestorKeys = unique(withAncestor.map((instruction) => instruction.ancestorElementInstanceKey!));
    const inactive = ancestorKeys.filter((key) => this.state.elementInstances.get(key)?.state !== 'ACTIVATED');
    if (inactive.length > 0) {
      throw invalidArgument(`${this.prefix} activate instructions with an ancestor scope key that does not exist, or is not in an active state: '${inactive.join("', '")}'`);
    }
    const foreign = ancestorKeys.filter((key) => this.state.elementInstances.get(key)!.processInstanceKey !== this.processInstance.key);
    if (foreign.length > 0) {
      throw invalidArgument(`Expected to modify instance of process '${this.model.bpmnProcessId}' but it contains one or more activate instructions with an ancestor scope key that does not belong to the modified process instance: '${foreign.join("', '")}'`);
    }
    const notAncestors = withAncestor.flatMap(({ elementId, ancestorElementInstanceKey }) => {
      const ancestorId = this.state.elementInstances.get(ancestorElementInstanceKey!)!.elementId;
      const isAncestor = ancestorId === this.model.bpmnProcessId || flowScopeIdsBelowProcess(this.model, elementId).includes(ancestorId);
      return isAncestor ? [] : [`\n- instance '${ancestorElementInstanceKey}' of element '${ancestorId}' is not an ancestor of element '${elementId}'`];
    });
    if (notAncestors.length > 0) {
      throw invalidArgument(`${this.prefix} activate instructions with an ancestor scope key that is not an ancestor of the element to activate:${notAncestors.join('')}`);
    }
  }

  private rejectUnsupported(ids: string[], reason: string): void {
    if (ids.length > 0) throw invalidArgument(`${this.prefix} activate instructions for elements that are unsupported: '${ids.join("', '")}'. ${reason}.`);
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
