/** One BPMN flow node → its executable model, by kind; what cannot run becomes a validation error. */
import { mapIoMapping } from './map-io-mapping.js';
import { mapJobWorkerTask } from './map-job-worker.js';
import { mapUserTask } from './map-user-task.js';
import { childElement, elementLabel, type ModdleElement } from './moddle-element.js';
import type { FlowNode } from './model.js';
import type { UnresolvedReferences } from './read-bpmn-document.js';
import { classifyFlowNode } from './unsupported-elements.js';
import { validationError, type ValidationError } from './validation-error.js';

export interface FlowNodeContext {
  embeddedFormIds: ReadonlySet<string>;
  unresolvedReferences: UnresolvedReferences;
  errors: ValidationError[];
}

/** Maps `element` (which has an id) inside the scope `parentId`; undefined when it cannot run. */
export function mapFlowNode(element: ModdleElement & { id: string }, parentId: string, context: FlowNodeContext): FlowNode | undefined {
  const { errors } = context;
  const classified = classifyFlowNode(element);
  if ('error' in classified) {
    errors.push(classified.error);
    return undefined;
  }
  const node: FlowNode = {
    id: element.id,
    ...(element.name !== undefined && { name: element.name }),
    kind: classified.kind,
    parentId,
    incoming: [],
    outgoing: [],
    ...mapIoMapping(element, element.id, errors),
  };
  switch (node.kind) {
    case 'serviceTask':
    case 'sendTask':
    case 'businessRuleTask':
    case 'scriptTask':
      mapJobWorkerTask(element, node, errors);
      break;
    case 'userTask':
      node.userTask = mapUserTask(element, node.id, context.embeddedFormIds, errors);
      break;
    case 'exclusiveGateway':
      mapDefaultFlow(element, node, context);
      break;
  }
  return node;
}

function mapDefaultFlow(element: ModdleElement, node: FlowNode, { unresolvedReferences, errors }: FlowNodeContext): void {
  const defaultFlow = childElement(element, 'default');
  const unresolved = unresolvedReferences.get(element)?.get('bpmn:default');
  if (defaultFlow?.$type === 'bpmn:SequenceFlow' && defaultFlow.id) {
    node.defaultFlow = defaultFlow.id;
  } else if (defaultFlow) {
    errors.push(validationError(node.id, `Attribute 'default' must refer to a sequence flow, but '${elementLabel(defaultFlow)}' is a ${defaultFlow.$type}`));
  } else if (unresolved !== undefined) {
    errors.push(validationError(node.id, `Attribute 'default' refers to unknown element '${unresolved}'`));
  }
}
