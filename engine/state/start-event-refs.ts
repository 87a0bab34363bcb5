/** The message and signal start events of a process definition, as the start event indexes hold them. */
import type { ValueOrExpression } from '../bpmn/model.js';
import { evaluateFeel } from '../feel/index.js';
import type { ProcessDefinition } from './types.js';

export interface StartEventRef {
  eventType: 'message' | 'signal';
  /** The message or signal name; a FEEL name is evaluated without variables, as nothing exists before the start. */
  name: string;
  bpmnProcessId: string;
  processDefinitionKey: number;
  elementId: string;
}

export function startEventsOf(definition: ProcessDefinition): StartEventRef[] {
  const { model } = definition;
  const refs: StartEventRef[] = [];
  for (const elementId of model.elements[model.bpmnProcessId].eventStartEventIds ?? []) {
    const event = model.elements[elementId].event;
    if (event?.type !== 'message' && event?.type !== 'signal') continue;
    const name = startEventName(event.type === 'message' ? event.messageName : event.signalName);
    if (name === undefined) continue;
    refs.push({ eventType: event.type, name, bpmnProcessId: model.bpmnProcessId, processDefinitionKey: definition.key, elementId });
  }
  return refs;
}

function startEventName(name: ValueOrExpression): string | undefined {
  if (name.kind === 'static') return name.value;
  const result = evaluateFeel(name.source, {});
  return result.ok && typeof result.value === 'string' ? result.value : undefined;
}
