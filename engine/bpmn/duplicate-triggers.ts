/**
 * Catch events that wait side by side (start events of a process, event sub-processes of a scope, boundary events of
 * an activity, the events after an event-based gateway) must not wait for the same trigger; Zeebe's words for each clash.
 */
import type { EventDefinition, ValueOrExpression } from './model.js';

export function duplicateTriggers(events: Array<EventDefinition | undefined>): string[] {
  const triggers = (type: EventDefinition['type']) => events.filter((event) => event?.type === type).map((event) => triggerOf(event!));
  return [
    ...duplicates(triggers('message')).map((name) => `Multiple message event definitions with the same name '${name}' are not allowed.`),
    ...duplicates(triggers('signal')).map((name) => `Multiple signal event definitions with the same name '${name}' are not allowed.`),
    ...duplicateCodes('error', triggers('error')),
    ...duplicateCodes('escalation', triggers('escalation')),
  ];
}

/** The name or code an event waits for, as written in the BPMN (a FEEL one keeps its `=`); none for a catch-all. */
export function triggerOf(event: EventDefinition): string | undefined {
  const text = (value: ValueOrExpression | undefined) => value && (value.kind === 'static' ? value.value : `=${value.source}`);
  switch (event.type) {
    case 'message': return text(event.messageName);
    case 'signal': return text(event.signalName);
    case 'error': return text(event.errorCode);
    case 'escalation': return text(event.escalationCode);
    default: return undefined;
  }
}

/** A catch event without a code catches all, so there may be one such event only. */
function duplicateCodes(kind: 'error' | 'escalation', codes: Array<string | undefined>): string[] {
  const problems = duplicates(codes)
    .map((code) => `Multiple ${kind} catch events with the same ${kind} code '${code}' are not supported on the same scope.`);
  if (codes.filter((code) => code === undefined).length > 1) {
    problems.push(`The same scope can not contain more than one ${kind} catch event without ${kind} code. `
      + `An ${kind} catch event without ${kind} code catches all ${kind}s.`);
  }
  return problems;
}

function duplicates(values: Array<string | undefined>): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) if (value !== undefined) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}
