/**
 * The input variables a process instance lacks when it stops at a condition or a message correlation key that reads a
 * variable nobody set. Only the simplest expressions count (a variable, `not(variable)`, `variable = literal`), so
 * that a value can be chosen without guessing; anything else is no missing input and stays an incident.
 */
import type { ExecutableProcess, FlowNode } from '../../engine/bpmn/model.js';
import type { Incident } from '../../engine/state/types.js';
import type { JSONDoc } from 'zeebe-node';

const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const LITERAL = '(true|false|-?\\d+(?:\\.\\d+)?|"[^"\\\\]*")';
const VARIABLE = new RegExp(`^\\s*${NAME}\\s*$`);
const NEGATED_VARIABLE = new RegExp(`^\\s*not\\(\\s*${NAME}\\s*\\)\\s*$`);
const EQUALS_LITERAL = new RegExp(`^\\s*${NAME}\\s*=\\s*${LITERAL}\\s*$`);

/**
 * Variables that would let the incident's element go on, or undefined when the incident is not about missing input:
 * for a gateway with no true condition, values that make its first simple condition true; for a correlation key that
 * could not be read, a string value for each key variable of the messages the element subscribes to.
 */
export function missingInputsOf(model: ExecutableProcess, incident: Incident): JSONDoc | undefined {
  const node = model.elements[incident.elementId];
  if (!node) return undefined;
  if (incident.errorType === 'CONDITION_ERROR' && incident.errorMessage.includes('condition to evaluate to true')) {
    return firstSatisfiableCondition(model, node);
  }
  if (incident.errorType === 'EXTRACT_VALUE_ERROR' && incident.errorMessage.includes('correlation key')) {
    return correlationKeyVariables(model, node);
  }
  return undefined;
}

function firstSatisfiableCondition(model: ExecutableProcess, gateway: FlowNode): JSONDoc | undefined {
  for (const flowId of gateway.outgoing) {
    const condition = model.flows[flowId]?.condition;
    const satisfying = condition === undefined ? undefined : valuesSatisfying(condition);
    if (satisfying) return satisfying;
  }
  return undefined;
}

function valuesSatisfying(condition: string): JSONDoc | undefined {
  const variable = VARIABLE.exec(condition);
  if (variable) return { [variable[1]]: true };
  const negated = NEGATED_VARIABLE.exec(condition);
  if (negated) return { [negated[1]]: false };
  const equals = EQUALS_LITERAL.exec(condition);
  if (equals) return { [equals[1]]: JSON.parse(equals[2]) as string | number | boolean };
  return undefined;
}

function correlationKeyVariables(model: ExecutableProcess, node: FlowNode): JSONDoc | undefined {
  const keys = subscribingEvents(model, node).flatMap((event) => (event.event?.type === 'message' && event.event.correlationKey !== undefined
    ? [event.event.correlationKey]
    : []));
  const variables: JSONDoc = {};
  for (const key of keys) {
    const variable = VARIABLE.exec(key);
    if (!variable) return undefined;
    variables[variable[1]] = `corpus-${variable[1]}`;
  }
  return keys.length > 0 ? variables : undefined;
}

/** The element itself, its boundary events, the start events of its event sub-processes, and an event-based gateway's events. */
function subscribingEvents(model: ExecutableProcess, node: FlowNode): FlowNode[] {
  const ids = [
    node.id,
    ...(node.boundaryEventIds ?? []),
    ...(node.eventSubProcessStartEventIds ?? []),
    ...(node.kind === 'eventBasedGateway' ? node.outgoing.map((flowId) => model.flows[flowId].targetId) : []),
  ];
  return ids.flatMap((id) => (model.elements[id] ? [model.elements[id]] : []));
}
