/** BPMN snippets for event tests: message, signal, error and escalation definitions and the events that use them. */

/** A `bpmn:message` with a correlation key expression; its id is `Message_<name>`. */
export function message(name: string, correlationKey = '=key'): string {
  return `<bpmn:message id="Message_${name}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="${correlationKey}" /></bpmn:extensionElements></bpmn:message>`;
}

export function startMessage(name: string): string {
  return `<bpmn:message id="Message_${name}" name="${name}" />`;
}

export function signal(name: string): string {
  return `<bpmn:signal id="Signal_${name}" name="${name}" />`;
}

export function error(code: string): string {
  return `<bpmn:error id="Error_${code}" errorCode="${code}" />`;
}

export function escalation(code: string): string {
  return `<bpmn:escalation id="Escalation_${code}" escalationCode="${code}" />`;
}

export const messageDefinition = (name: string) => `<bpmn:messageEventDefinition messageRef="Message_${name}" />`;
export const signalDefinition = (name: string) => `<bpmn:signalEventDefinition signalRef="Signal_${name}" />`;
export const errorDefinition = (code?: string) => (code ? `<bpmn:errorEventDefinition errorRef="Error_${code}" />` : '<bpmn:errorEventDefinition />');
export const escalationDefinition = (code?: string) => (code ? `<bpmn:escalationEventDefinition escalationRef="Escalation_${code}" />` : '<bpmn:escalationEventDefinition />');

export function timerDefinition(kind: 'timeDate' | 'timeDuration' | 'timeCycle', value: string): string {
  return `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;
}

export function catchEvent(id: string, definition: string, extensions = ''): string {
  const extensionElements = extensions ? `<bpmn:extensionElements>${extensions}</bpmn:extensionElements>` : '';
  return `<bpmn:intermediateCatchEvent id="${id}">${extensionElements}${definition}</bpmn:intermediateCatchEvent>`;
}

export function throwEvent(id: string, definition: string): string {
  return `<bpmn:intermediateThrowEvent id="${id}">${definition}</bpmn:intermediateThrowEvent>`;
}

export function endEvent(id: string, definition = ''): string {
  return `<bpmn:endEvent id="${id}">${definition}</bpmn:endEvent>`;
}

export function startEvent(id: string, definition = '', interrupting = true): string {
  return `<bpmn:startEvent id="${id}" isInterrupting="${interrupting}">${definition}</bpmn:startEvent>`;
}

export function boundaryEvent(id: string, attachedTo: string, definition: string, interrupting = true): string {
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}">${definition}</bpmn:boundaryEvent>`;
}

/** An event sub-process whose start event leads straight to `inner` (XML of one element with id `innerId`) and an end. */
export function eventSubProcess(id: string, startDefinition: string, interrupting: boolean, innerId: string, inner: string): string {
  return `<bpmn:subProcess id="${id}" triggeredByEvent="true">${startEvent(`${id}_start`, startDefinition, interrupting)}${inner}${endEvent(`${id}_end`)}`
    + `<bpmn:sequenceFlow id="${id}_f1" sourceRef="${id}_start" targetRef="${innerId}" /><bpmn:sequenceFlow id="${id}_f2" sourceRef="${innerId}" targetRef="${id}_end" /></bpmn:subProcess>`;
}
