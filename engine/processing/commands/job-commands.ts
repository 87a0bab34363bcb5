/** Job commands from workers: activate, complete, fail, throw error, update retries and timeout. */
import { findCatchEvent } from '../behaviors/error-and-escalation-catch.js';
import { triggerCatchEvent } from '../behaviors/event-triggers.js';
import { raiseIncident } from '../behaviors/incidents.js';
import { setLocalVariables, visibleVariables } from '../behaviors/variables.js';
import { completeWithVariables } from '../bpmn/complete-with-variables.js';
import type { ProcessingContext } from '../context.js';
import type { Job, JobState } from '../../state/types.js';
import { failedPrecondition, invalidArgument, notFound } from './rejection.js';

export interface ActivateJobsCommand {
  type: string;
  worker: string;
  /** How long the worker may hold a job, in ms. */
  timeout: number;
  maxJobsToActivate: number;
  fetchVariable: string[];
}

export interface ActivatedJobView extends Job {
  variables: Record<string, unknown>;
}

export function activateJobs(ctx: ProcessingContext, command: ActivateJobsCommand): ActivatedJobView[] {
  const keys = ctx.state.activatableJobs.get(command.type);
  if (!keys) return [];
  const activated: ActivatedJobView[] = [];
  for (const key of keys) {
    if (activated.length >= command.maxJobsToActivate) break;
    const job = ctx.state.jobs.get(key)!;
    ctx.write({ type: 'JOB_ACTIVATED', key, worker: command.worker, deadline: ctx.now + command.timeout });
    activated.push({ ...job, variables: jobVariables(ctx, job, command.fetchVariable) });
  }
  return activated;
}

function jobVariables(ctx: ProcessingContext, job: Job, fetchVariable: string[]): Record<string, unknown> {
  const all = visibleVariables(ctx.state, job.elementInstanceKey);
  if (fetchVariable.length === 0) return all;
  const picked: Record<string, unknown> = {};
  for (const name of fetchVariable) if (name in all) picked[name] = all[name];
  return picked;
}

function jobIn(ctx: ProcessingContext, key: number, action: string, allowed: JobState[]): Job {
  const job = ctx.state.jobs.get(key);
  if (!job) throw notFound(`Expected to ${action} job with key '${key}', but no such job was found`);
  if (!allowed.includes(job.state)) {
    throw failedPrecondition(`Expected to ${action} job with key '${key}', but it is in state '${job.state}'`);
  }
  return job;
}

export function completeJob(ctx: ProcessingContext, key: number, variables: Record<string, unknown>): void {
  const job = jobIn(ctx, key, 'complete', ['ACTIVATABLE', 'ACTIVATED']);
  ctx.write({ type: 'JOB_COMPLETED', key });
  const element = ctx.state.elementInstances.get(job.elementInstanceKey)!;
  completeWithVariables(ctx, element, variables);
}

export interface FailJobCommand {
  key: number;
  retries: number;
  errorMessage: string;
  /** Back-off in ms before the job may be activated again. */
  retryBackOff: number;
  variables: Record<string, unknown>;
}

export function failJob(ctx: ProcessingContext, command: FailJobCommand): void {
  const job = jobIn(ctx, command.key, 'fail', ['ACTIVATABLE', 'ACTIVATED']);
  const element = ctx.state.elementInstances.get(job.elementInstanceKey)!;
  setLocalVariables(ctx, element.key, command.variables);
  const retries = Math.max(0, command.retries);
  const recurAt = retries > 0 && command.retryBackOff > 0 ? ctx.now + command.retryBackOff : -1;
  ctx.write({ type: 'JOB_FAILED', key: job.key, retries, errorMessage: command.errorMessage, recurAt });
  if (retries === 0) {
    raiseIncident(ctx, element, 'JOB_NO_RETRIES', command.errorMessage || 'No more retries left.', 'job', job.key);
  } else if (recurAt < 0) {
    ctx.activatableJobTypes.add(job.type);
  }
}

export function throwError(ctx: ProcessingContext, key: number, errorCode: string, errorMessage: string, variables: Record<string, unknown>): void {
  if (errorCode.trim() === '') throw invalidArgument(`Expected to throw an error for job with key '${key}', but the error code is empty`);
  const job = jobIn(ctx, key, 'throw an error for', ['ACTIVATABLE', 'ACTIVATED']);
  const element = ctx.state.elementInstances.get(job.elementInstanceKey)!;
  ctx.write({ type: 'JOB_ERROR_THROWN', key, errorCode, errorMessage });
  const caught = findCatchEvent(ctx, element, 'error', errorCode);
  if (caught) return triggerCatchEvent(ctx, caught.owner, caught.catchElementId, variables);
  setLocalVariables(ctx, element.key, variables);
  raiseIncident(ctx, element, 'UNHANDLED_ERROR_EVENT',
    `Expected to throw an error event with the code '${errorCode}' with message '${errorMessage}', but it was not caught. No error events are available in the scope.`,
    'job', key);
}

export function updateJobRetries(ctx: ProcessingContext, key: number, retries: number): void {
  if (retries < 1) {
    throw invalidArgument(`Expected to update retries of job with key '${key}' to a positive number, but got ${retries}`);
  }
  const job = ctx.state.jobs.get(key);
  if (!job) throw notFound(`Expected to update retries for job with key '${key}', but no such job was found`);
  ctx.write({ type: 'JOB_RETRIES_UPDATED', key, retries });
}

export function updateJobTimeout(ctx: ProcessingContext, key: number, timeout: number): void {
  const job = jobIn(ctx, key, 'update the timeout of', ['ACTIVATED']);
  ctx.write({ type: 'JOB_TIMEOUT_UPDATED', key: job.key, deadline: ctx.now + timeout });
}

/** Jobs activated for a request that was gone before they could be sent: activatable again, as if timed out. */
export function returnJobs(ctx: ProcessingContext, keys: number[]): void {
  for (const key of keys) {
    const job = ctx.state.jobs.get(key);
    if (job?.state !== 'ACTIVATED') continue;
    ctx.write({ type: 'JOB_TIMED_OUT', key });
    ctx.activatableJobTypes.add(job.type);
  }
}

/** Activated jobs past their deadline and failed jobs past their back-off become activatable again. */
export function releaseDueJobs(ctx: ProcessingContext): void {
  for (const job of ctx.state.jobs.values()) {
    if (job.state === 'ACTIVATED' && job.deadline <= ctx.now) {
      ctx.write({ type: 'JOB_TIMED_OUT', key: job.key });
      ctx.activatableJobTypes.add(job.type);
    } else if (job.state === 'BACKOFF' && job.recurAt <= ctx.now) {
      ctx.write({ type: 'JOB_RECURRED', key: job.key });
      ctx.activatableJobTypes.add(job.type);
    }
  }
}
