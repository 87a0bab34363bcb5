/**
 * A run that never reaches a wait state (a loop of scripts and gateways) is stopped at the step limit: each element
 * whose step was not run gets an incident, so an operator sees it and can cancel the instance or fix the data.
 */
import { MAX_STEPS_PER_RUN, type ProcessingContext, type ScheduledStep } from '../context.js';
import { raiseIncident } from './incidents.js';

export function stopEndlessLoop(ctx: ProcessingContext, dropped: ScheduledStep[]): void {
  const seen = new Set<number>();
  for (const { element, kind } of dropped) {
    if (seen.has(element.key) || !ctx.state.elementInstances.has(element.key) || element.incidentKey !== undefined) continue;
    seen.add(element.key);
    raiseIncident(ctx, element, 'UNKNOWN',
      `The process instance took more than ${MAX_STEPS_PER_RUN} steps without reaching a wait state (an endless loop?); it stopped before this element`,
      kind);
  }
}
