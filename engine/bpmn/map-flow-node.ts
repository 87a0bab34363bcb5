/** One BPMN flow node → its executable model, by kind; what cannot run becomes a validation error. */
import {
  childElement, childElements, validationError, type ModdleElement, type UnresolvedReferences, type ValidationError,
} from '../xml/index.js';
import { mapCallActivity } from './map-call-activity.js';
import { mapEvent } from './map-event.js';
import { mapFormLink } from './map-form-link.js';
import { mapIoMapping } from './map-io-mapping.js';
import { mapJobWorkerTask } from './map-job-worker.js';
import { mapMessageReference } from './map-message.js';
import { mapMultiInstance } from './map-multi-instance.js';
import { mapUserTask } from './map-user-task.js';
import type { FlowNode } from './model.js';
import { resolveReference } from './resolve-reference.js';
import { classifyFlowNode } from './unsupported-elements.js';

export interface FlowNodeContext {
  embeddedFormIds: ReadonlySet<string>;
  unresolvedReferences: UnresolvedReferences;
  errors: ValidationError[];
}

/** Maps `element` (which has an id) inside `scope`, the process or sub-process; undefined when it cannot run. */
export function mapFlowNode(element: ModdleElement & { id: string }, scope: FlowNode, context: FlowNodeContext): FlowNode | undefined {
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
    parentId: scope.id,
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
    case 'receiveTask':
      assign(node, 'event', mapMessageReference(element, 'subscription', node.id, [], context));
      break;
    case 'callActivity':
      assign(node, 'callActivity', mapCallActivity(element, node.id, errors));
      break;
    case 'exclusiveGateway':
    case 'inclusiveGateway':
      mapDefaultFlow(element, node, context);
      break;
    case 'startEvent':
      if (scope.kind === 'process' && childElements(element, 'eventDefinitions').length === 0) {
        const form = mapFormLink(element, node.id, context.embeddedFormIds, errors);
        if (form.formId !== undefined || form.formKey !== undefined) node.startForm = form;
      }
      mapEvent(element, node, scope, context);
      break;
    case 'endEvent':
    case 'intermediateThrowEvent':
    case 'intermediateCatchEvent':
    case 'boundaryEvent':
      mapEvent(element, node, scope, context);
      break;
  }
  // the classification lets only multi-instance loops through, and only on activities
  const loop = childElement(element, 'loopCharacteristics');
  if (loop) assign(node, 'multiInstance', mapMultiInstance(loop, node.id, errors));
  return node;
}

/** Sets an optional field only when there is a value, so the model holds no `undefined` entries. */
function assign<Field extends keyof FlowNode>(node: FlowNode, field: Field, value: FlowNode[Field] | undefined): void {
  if (value !== undefined) node[field] = value;
}

function mapDefaultFlow(element: ModdleElement, node: FlowNode, { unresolvedReferences, errors }: FlowNodeContext): void {
  const reference = resolveReference(element, 'default', { type: 'bpmn:SequenceFlow', description: 'a sequence flow' }, unresolvedReferences);
  if (reference.status === 'found' && reference.element.id) node.defaultFlow = reference.element.id;
  else if (reference.status === 'invalid') errors.push(validationError(node.id, reference.problem));
}
