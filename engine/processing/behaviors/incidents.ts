/** Raises incidents: a failure a user can fix stops the element until the incident is resolved. */
import type { Result } from '../../result.js';
import type { ElementInstance, IncidentErrorType, IncidentRetryStep, Key } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';

/** A failure that says which kind of incident it becomes. */
export interface IncidentFailure {
  errorType: IncidentErrorType;
  message: string;
}

export function incidentFailure(errorType: IncidentErrorType, message: string): Result<never, IncidentFailure> {
  return { ok: false, failure: { errorType, message } };
}

export function raiseIncident(
  ctx: ProcessingContext,
  element: ElementInstance,
  errorType: IncidentErrorType,
  errorMessage: string,
  retryStep: IncidentRetryStep,
  jobKey: Key = -1,
): void {
  ctx.write({
    type: 'INCIDENT_CREATED',
    key: ctx.nextKey(),
    errorType,
    errorMessage,
    elementInstanceKey: element.key,
    jobKey,
    retryStep,
  });
}

export function resolveIncidentOf(ctx: ProcessingContext, element: ElementInstance): void {
  if (element.incidentKey !== undefined) ctx.write({ type: 'INCIDENT_RESOLVED', key: element.incidentKey });
}
