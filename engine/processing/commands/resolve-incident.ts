/** ResolveIncident: removes the incident and retries the step that failed. */
import { raiseIncident } from '../behaviors/incidents.js';
import { completeElement, continueActivation, continueCompletion } from '../bpmn/lifecycle.js';
import type { ProcessingContext } from '../context.js';
import { notFound } from './rejection.js';

export function resolveIncident(ctx: ProcessingContext, incidentKey: number): void {
  const incident = ctx.state.incidents.get(incidentKey);
  if (!incident) {
    throw notFound(`Expected to resolve incident with key '${incidentKey}', but no such incident was found`);
  }
  ctx.write({ type: 'INCIDENT_RESOLVED', key: incidentKey });
  const element = ctx.state.elementInstances.get(incident.elementInstanceKey)!;
  if (incident.retryStep === 'activate') return continueActivation(ctx, element);
  if (incident.retryStep === 'complete') {
    return element.state === 'COMPLETING' ? continueCompletion(ctx, element) : completeElement(ctx, element);
  }
  const job = ctx.state.jobs.get(incident.jobKey)!;
  if (job.retries <= 0) {
    // As in Zeebe: without new retries the job cannot run again, so the incident comes straight back.
    raiseIncident(ctx, element, incident.errorType, incident.errorMessage, 'job', job.key);
    return;
  }
  ctx.write({ type: 'JOB_RECURRED', key: job.key });
  ctx.activatableJobTypes.add(job.type);
}
