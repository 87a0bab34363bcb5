/** The job lifecycle: created, activated, completed, failed with or without back-off, timed out, canceled. */
import type { EngineState } from '../../state/engine-state.js';
import type { Job } from '../../state/types.js';
import { elementInstance, job, type Appliers } from './applier.js';

function makeActivatable(state: EngineState, target: Job): void {
  target.state = 'ACTIVATABLE';
  target.deadline = -1;
  target.recurAt = -1;
  target.worker = '';
  state.markActivatable(target);
}

function removeJob(state: EngineState, target: Job): void {
  state.unmarkActivatable(target);
  state.jobs.delete(target.key);
  const element = state.elementInstances.get(target.elementInstanceKey);
  if (element) delete element.jobKey;
}

type JobEvents =
  | 'JOB_CREATED' | 'JOB_ACTIVATED' | 'JOB_COMPLETED' | 'JOB_CANCELED' | 'JOB_FAILED' | 'JOB_ERROR_THROWN'
  | 'JOB_TIMED_OUT' | 'JOB_RECURRED' | 'JOB_RETRIES_UPDATED' | 'JOB_TIMEOUT_UPDATED';

export const jobAppliers: Appliers<JobEvents> = {
  JOB_CREATED(state, event) {
    const element = elementInstance(state, event.elementInstanceKey);
    const definition = state.processes.get(element.processDefinitionKey)!;
    const created: Job = {
      key: event.key,
      type: event.jobType,
      state: 'ACTIVATABLE',
      processInstanceKey: element.processInstanceKey,
      processDefinitionKey: element.processDefinitionKey,
      bpmnProcessId: definition.bpmnProcessId,
      processDefinitionVersion: definition.version,
      elementId: element.elementId,
      elementInstanceKey: element.key,
      customHeaders: event.customHeaders,
      retries: event.retries,
      worker: '',
      deadline: -1,
      recurAt: -1,
      errorMessage: '',
      errorCode: '',
    };
    state.jobs.set(created.key, created);
    element.jobKey = created.key;
    state.markActivatable(created);
  },
  JOB_ACTIVATED(state, event) {
    const target = job(state, event.key);
    state.unmarkActivatable(target);
    target.state = 'ACTIVATED';
    target.worker = event.worker;
    target.deadline = event.deadline;
  },
  JOB_COMPLETED(state, event) {
    removeJob(state, job(state, event.key));
  },
  JOB_CANCELED(state, event) {
    removeJob(state, job(state, event.key));
  },
  JOB_FAILED(state, event) {
    const target = job(state, event.key);
    state.unmarkActivatable(target);
    target.retries = event.retries;
    target.errorMessage = event.errorMessage;
    target.deadline = -1;
    target.worker = '';
    if (event.retries <= 0) {
      target.state = 'FAILED';
    } else if (event.recurAt > 0) {
      target.state = 'BACKOFF';
      target.recurAt = event.recurAt;
    } else {
      makeActivatable(state, target);
    }
  },
  JOB_ERROR_THROWN(state, event) {
    const target = job(state, event.key);
    state.unmarkActivatable(target);
    target.state = 'ERROR_THROWN';
    target.errorCode = event.errorCode;
    target.errorMessage = event.errorMessage;
    target.deadline = -1;
  },
  JOB_TIMED_OUT(state, event) {
    makeActivatable(state, job(state, event.key));
  },
  JOB_RECURRED(state, event) {
    makeActivatable(state, job(state, event.key));
  },
  JOB_RETRIES_UPDATED(state, event) {
    job(state, event.key).retries = event.retries;
  },
  JOB_TIMEOUT_UPDATED(state, event) {
    job(state, event.key).deadline = event.deadline;
  },
};
