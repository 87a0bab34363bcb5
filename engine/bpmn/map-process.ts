/** An executable `bpmn:process` → the engine's process model, walking its (event) sub-processes without recursion. */
import {
  childElements, elementLabel, extensionElements, hasId, stringAttribute, validationError, type ModdleElement, type UnresolvedReferences, type ValidationError,
} from '../xml/index.js';
import { attachBoundaryEvents } from './boundary-events.js';
import { connectLinkEvents } from './link-events.js';
import { mapFlowNode, type FlowNodeContext } from './map-flow-node.js';
import { mapSequenceFlows, type ScopedFlow } from './map-sequence-flows.js';
import type { EmbeddedForms, ExecutableProcess, FlowNode, ParsedProcess } from './model.js';
import { assignStartEvents, type Scope } from './start-events.js';
import { unsupportedProcessExtension } from './unsupported-elements.js';

export function mapProcess(
  process: ModdleElement & { id: string }, unresolvedReferences: UnresolvedReferences, errors: ValidationError[],
): ParsedProcess {
  const embeddedForms = mapEmbeddedForms(process, errors);
  const unsupported = unsupportedProcessExtension(process);
  if (unsupported) errors.push(unsupported);
  const { nodes, scopes, scopeOf, scopedFlows } = mapScopes(process, {
    embeddedFormIds: new Set(Object.keys(embeddedForms)), unresolvedReferences, errors,
  });
  assignStartEvents(scopes, nodes, errors);
  const flows = mapSequenceFlows(scopedFlows, { nodes, scopeOf, unresolvedReferences, errors });
  const executable: ExecutableProcess = {
    bpmnProcessId: process.id,
    ...(process.name !== undefined && { name: process.name }),
    // fromEntries defines own properties, so no id (not even `__proto__`) can reach the prototype
    elements: Object.fromEntries(nodes),
    flows: Object.fromEntries(flows),
  };
  attachBoundaryEvents(executable, errors);
  connectLinkEvents(executable, errors);
  return { process: executable, embeddedForms };
}

/**
 * Maps the flow nodes of the process and, breadth first, of its sub-processes and event sub-processes. Their sequence flows are only
 * collected, to be mapped once every node they may connect is known.
 */
function mapScopes(process: ModdleElement & { id: string }, context: FlowNodeContext) {
  const root: FlowNode = {
    id: process.id,
    ...(process.name !== undefined && { name: process.name }),
    kind: 'process',
    parentId: '',
    incoming: [],
    outgoing: [],
    inputs: [],
    outputs: [],
  };
  const nodes = new Map<string, FlowNode>([[root.id, root]]);
  const scopeOf = new Map<ModdleElement, string>();
  const scopedFlows: ScopedFlow[] = [];
  const scopes: Scope[] = [];
  const containers = [{ element: process as ModdleElement, node: root }];
  for (let index = 0; index < containers.length; index++) {
    const { element: container, node: scopeNode } = containers[index]!;
    const scope: Scope = { node: scopeNode, startEvents: [] };
    scopes.push(scope);
    for (const child of childElements(container, 'flowElements')) {
      if (child.$type === 'bpmn:SequenceFlow') scopedFlows.push({ element: child, parentId: scopeNode.id });
      // data objects and data store references carry no behaviour
      if (!child.$instanceOf('bpmn:FlowNode')) continue;
      if (!hasId(child)) {
        context.errors.push(validationError(elementLabel(child), "Attribute 'id' must be present and not empty"));
        continue;
      }
      scopeOf.set(child, scopeNode.id);
      if (child.$type === 'bpmn:StartEvent') {
        scope.startEvents.push({ id: child.id, isNone: childElements(child, 'eventDefinitions').length === 0 });
      }
      const node = mapFlowNode(child, scopeNode, context);
      if (!node) continue;
      nodes.set(node.id, node);
      if (node.kind === 'subProcess' || node.kind === 'eventSubProcess') containers.push({ element: child, node });
    }
  }
  return { nodes, scopes, scopeOf, scopedFlows };
}

/** `zeebe:userTaskForm` elements of the process: forms embedded in the BPMN, as JSON text by id. */
function mapEmbeddedForms(process: ModdleElement & { id: string }, errors: ValidationError[]): EmbeddedForms {
  const forms: Array<[string, string]> = [];
  for (const form of extensionElements(process, 'zeebe:UserTaskForm')) {
    const id = stringAttribute(form, 'id')?.trim() ?? '';
    if (id === '') errors.push(validationError(process.id, "Attribute 'id' must be present and not empty", ['extensionElements', 'userTaskForm']));
    else forms.push([id, stringAttribute(form, 'body') ?? '']);
  }
  return Object.fromEntries(forms);
}
