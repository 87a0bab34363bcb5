/**
 * Intermediate throw and end events: none passes on; message runs as a job; signal broadcasts; escalation and error
 * go to the nearest catch event (an uncaught escalation just passes on, an uncaught error is an incident).
 */
import { findCatchEvent } from '../../behaviors/error-and-escalation-catch.js';
import { triggerCatchEvent } from '../../behaviors/event-triggers.js';
import { evaluateString } from '../../behaviors/expressions.js';
import { raiseIncident } from '../../behaviors/incidents.js';
import { broadcastSignal } from '../../behaviors/signal-broadcast.js';
import type { ElementProcessor } from '../element-processor.js';
import { completeElement, markActivated } from '../lifecycle.js';
import { jobWorkerTaskProcessor } from '../task/job-worker-task-processor.js';

export const throwEventProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    if (node.job) return jobWorkerTaskProcessor.onActivate(ctx, element, node);
    const event = node.event;
    if (event?.type === 'signal' || event?.type === 'escalation' || event?.type === 'error') {
      const value = event.type === 'signal' ? event.signalName : event.type === 'error' ? event.errorCode : event.escalationCode;
      const name = evaluateString(ctx.state, element.key, value!);
      if (!name.ok) return raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', name.failure.message, 'activate');
      if (!markActivated(ctx, element)) return;
      if (event.type === 'signal') {
        completeElement(ctx, element);
        broadcastSignal(ctx, name.value, {});
        return;
      }
      const caught = findCatchEvent(ctx, element, event.type, name.value);
      if (event.type === 'error' && !caught) {
        return raiseIncident(ctx, element, 'UNHANDLED_ERROR_EVENT',
          `Expected to throw an error event with the code '${name.value}', but it was not caught. No error events are available in the scope.`,
          'activate');
      }
      if (caught) triggerCatchEvent(ctx, caught.owner, caught.catchElementId, {});
      // a non-interrupting catch (or none) lets the thrower go on; an interrupting one has terminated it
      if (ctx.state.elementInstances.get(element.key) === element && element.state === 'ACTIVATED') completeElement(ctx, element);
      return;
    }
    if (!markActivated(ctx, element)) return;
    ctx.schedule(element, 'complete', () => completeElement(ctx, element));
  },
  onTerminate(ctx, element) {
    jobWorkerTaskProcessor.onTerminate?.(ctx, element);
  },
};
