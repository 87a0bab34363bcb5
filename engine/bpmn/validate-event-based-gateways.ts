/** An event-based gateway waits for whichever of the catch events after it happens first. */
import { validationError, type ValidationError } from '../xml/index.js';
import { duplicateTriggers } from './duplicate-triggers.js';
import type { EventDefinition, ExecutableProcess, FlowNode } from './model.js';

const WAITABLE_EVENTS: Array<EventDefinition['type']> = ['message', 'timer', 'signal'];

export function validateEventBasedGateways({ elements, flows }: ExecutableProcess, errors: ValidationError[]): void {
  for (const gateway of Object.values(elements)) {
    if (gateway.kind !== 'eventBasedGateway') continue;
    const report = (message: string) => errors.push(validationError(gateway.id, message));
    if (gateway.outgoing.length < 2) report('Event-based gateway must have at least 2 outgoing sequence flows.');
    const targets = gateway.outgoing.map((flowId) => elements[flows[flowId]!.targetId]!);
    if (!targets.every(isWaitableEvent)) {
      report('Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events.');
    }
    for (const problem of duplicateTriggers(targets.map(({ event }) => event))) report(problem);
    if (targets.some(({ incoming }) => incoming.length > 1)) {
      report('Target elements of an event gateway must not have any additional incoming sequence flows other than that from the event gateway.');
    }
  }
}

/** A target whose event definition was rejected is reported already and does not count against the gateway. */
function isWaitableEvent({ kind, event }: FlowNode): boolean {
  return kind === 'intermediateCatchEvent' && (event === undefined || WAITABLE_EVENTS.includes(event.type));
}
