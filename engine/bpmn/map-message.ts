/**
 * The `bpmn:Message` an event or receive task refers to: its name and, where the process waits for it, the correlation
 * key of its `zeebe:subscription`. Problems of the message itself are reported on the message, as Zeebe does.
 */
import {
  elementLabel, extensionElements, stringAttribute, validationError, type ModdleElement, type UnresolvedReferences, type ValidationError,
} from '../xml/index.js';
import { optionalValueOrExpression, requiredExpression } from './expression.js';
import type { EventDefinition, ValueOrExpression } from './model.js';
import { resolveReference } from './resolve-reference.js';

/**
 * How the message is used: a `subscription` (catch events, receive tasks, event sub-process starts) needs a name and a
 * correlation key, a process `start` only a name, a `throw` (which runs as a job) not even a message.
 */
export type MessageUse = 'subscription' | 'start' | 'throw';

export interface ReferenceContext {
  unresolvedReferences: UnresolvedReferences;
  errors: ValidationError[];
}

/** A message throw event needs no message; the job it runs is what matters, so its name stays empty. */
const UNNAMED_MESSAGE: ValueOrExpression = { kind: 'static', value: '' };

/** Maps the message `holder.messageRef` names; `path` leads from `nodeId` to the holder. */
export function mapMessageReference(
  holder: ModdleElement, use: MessageUse, nodeId: string, path: string[], context: ReferenceContext,
): EventDefinition | undefined {
  const reference = resolveReference(holder, 'messageRef', { type: 'bpmn:Message', description: 'a message' }, context.unresolvedReferences);
  if (reference.status === 'invalid') {
    context.errors.push(validationError(nodeId, reference.problem, path));
    return undefined;
  }
  if (reference.status === 'absent') {
    if (use === 'throw') return { type: 'message', messageName: UNNAMED_MESSAGE };
    context.errors.push(validationError(nodeId, 'Must reference a message', path));
    return undefined;
  }
  return mapMessage(reference.element, use, context.errors);
}

function mapMessage(message: ModdleElement, use: MessageUse, errors: ValidationError[]): EventDefinition | undefined {
  const label = elementLabel(message);
  const messageName = optionalValueOrExpression(stringAttribute(message, 'name'));
  if (!messageName) errors.push(validationError(label, 'Name must be present and not empty'));
  if (use !== 'subscription') return messageName && { type: 'message', messageName };
  const correlationKey = mapCorrelationKey(message, label, errors);
  return messageName && correlationKey !== undefined ? { type: 'message', messageName, correlationKey } : undefined;
}

function mapCorrelationKey(message: ModdleElement, label: string, errors: ValidationError[]): string | undefined {
  const subscriptions = extensionElements(message, 'zeebe:Subscription');
  if (subscriptions.length !== 1) {
    const path = message.extensionElements ? ['extensionElements'] : [];
    errors.push(validationError(label, "Must have exactly one 'zeebe:subscription' extension element", path));
    return undefined;
  }
  const path = ['extensionElements', 'subscription'];
  const raw = stringAttribute(subscriptions[0]!, 'correlationKey') ?? '';
  if (raw.trim() === '') {
    errors.push(validationError(label, "Attribute 'correlationKey' must be present and not empty", path));
    return undefined;
  }
  const expression = requiredExpression(raw);
  if ('source' in expression) return expression.source;
  errors.push(validationError(label, expression.error, path));
  return undefined;
}
