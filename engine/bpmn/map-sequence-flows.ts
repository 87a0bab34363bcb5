/** Sequence flows → the model's flows, with their conditions, and the incoming/outgoing lists of the flow nodes. */
import {
  childElement, elementLabel, stringAttribute, validationError, type ModdleElement, type UnresolvedReferences, type ValidationError,
} from '../xml/index.js';
import { requiredExpression } from './expression.js';
import type { FlowNode, SequenceFlow } from './model.js';

export interface ScopedFlow {
  element: ModdleElement;
  /** The process or sub-process the flow is declared in. */
  parentId: string;
}

export interface FlowContext {
  nodes: Map<string, FlowNode>;
  /** The scope of every flow node of the process, runnable or not. */
  scopeOf: Map<ModdleElement, string>;
  unresolvedReferences: UnresolvedReferences;
  errors: ValidationError[];
}

/** Maps the flows in document order, which is the order an exclusive gateway evaluates its conditions in. */
export function mapSequenceFlows(scopedFlows: ScopedFlow[], context: FlowContext): Map<string, SequenceFlow> {
  const flows = new Map<string, SequenceFlow>();
  for (const { element, parentId } of scopedFlows) {
    if (!element.id) {
      context.errors.push(validationError(elementLabel(element), "Attribute 'id' must be present and not empty"));
      continue;
    }
    const source = endpoint(element, element.id, 'sourceRef', parentId, context);
    const target = endpoint(element, element.id, 'targetRef', parentId, context);
    const condition = mapCondition(element, element.id, context.errors);
    if (!source || !target) continue;
    const isDefaultFlow = source.defaultFlow === element.id;
    flows.set(element.id, {
      id: element.id,
      sourceId: source.id,
      targetId: target.id,
      // Zeebe allows a condition on a gateway's default flow and never evaluates it
      ...(condition !== undefined && !isDefaultFlow && { condition }),
    });
    source.outgoing.push(element.id);
    target.incoming.push(element.id);
  }
  return flows;
}

/** The node a flow's end refers to; undefined when it is invalid (reported) or a node that cannot run (reported already). */
function endpoint(flow: ModdleElement, flowId: string, property: 'sourceRef' | 'targetRef', parentId: string, context: FlowContext) {
  const referenced = childElement(flow, property);
  if (!referenced) {
    const unresolved = context.unresolvedReferences.get(flow)?.get(`bpmn:${property}`);
    context.errors.push(validationError(flowId, unresolved === undefined
      ? `Attribute '${property}' must be present`
      : `Attribute '${property}' refers to unknown element '${unresolved}'`));
    return undefined;
  }
  if (context.scopeOf.get(referenced) !== parentId) {
    context.errors.push(validationError(flowId,
      `Attribute '${property}' refers to '${elementLabel(referenced)}', which is not a flow node in the same process or sub-process as the sequence flow`));
    return undefined;
  }
  return referenced.id === undefined ? undefined : context.nodes.get(referenced.id);
}

function mapCondition(flow: ModdleElement, id: string, errors: ValidationError[]): string | undefined {
  const conditionExpression = childElement(flow, 'conditionExpression');
  const body = conditionExpression && stringAttribute(conditionExpression, 'body');
  if (body === undefined || body.trim() === '') return undefined;
  const expression = requiredExpression(body);
  if ('source' in expression) return expression.source;
  errors.push(validationError(id, expression.error, ['conditionExpression']));
  return undefined;
}
