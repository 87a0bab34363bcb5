/** Service, send, business rule and user tasks: create a job and wait for a worker to complete it. */
import { raiseIncident } from '../../behaviors/incidents.js';
import { jobSpecFor } from '../../behaviors/jobs.js';
import type { ElementProcessor } from '../element-processor.js';
import { markActivated } from '../lifecycle.js';

export const jobWorkerTaskProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    const spec = jobSpecFor(ctx, element, node);
    if (!spec.ok) return raiseIncident(ctx, element, spec.failure.errorType, spec.failure.message, 'activate');
    if (!markActivated(ctx, element)) return;
    ctx.write({ type: 'JOB_CREATED', key: ctx.nextKey(), elementInstanceKey: element.key, ...spec.value });
    ctx.activatableJobTypes.add(spec.value.jobType);
  },
  onTerminate(ctx, element) {
    if (element.jobKey !== undefined) ctx.write({ type: 'JOB_CANCELED', key: element.jobKey });
  },
};
