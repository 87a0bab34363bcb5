/** Creates the job of a job worker task or user task, with Zeebe's reserved headers for user tasks. */
import type { FlowNode, UserTaskDefinition } from '../../bpmn/model.js';
import { ok, type Result } from '../../result.js';
import type { EngineState } from '../../state/engine-state.js';
import type { ElementInstance } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';
import { evaluateDateTime, evaluateInteger, evaluateString, evaluateStringList } from './expressions.js';

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
const HEADER = 'io.camunda.zeebe:';

export interface JobSpec {
  jobType: string;
  retries: number;
  customHeaders: Record<string, string>;
}

/** Evaluates everything the job needs; a failure here becomes an incident on the element. */
export function jobSpecFor(ctx: ProcessingContext, element: ElementInstance, node: FlowNode): Result<JobSpec, JobSpecFailure> {
  if (node.userTask) return userTaskJobSpec(ctx.state, element, node.userTask, node.job?.headers ?? {});
  const job = node.job!;
  const type = evaluateString(ctx.state, element.key, job.type);
  if (!type.ok) return failWith('EXTRACT_VALUE_ERROR', type.failure.message);
  const retries = evaluateInteger(ctx.state, element.key, job.retries);
  if (!retries.ok) return failWith('EXTRACT_VALUE_ERROR', retries.failure.message);
  return ok({ jobType: type.value, retries: retries.value, customHeaders: job.headers });
}

export interface JobSpecFailure {
  message: string;
  errorType: 'EXTRACT_VALUE_ERROR' | 'FORM_NOT_FOUND';
}

function failWith(errorType: JobSpecFailure['errorType'], message: string): Result<never, JobSpecFailure> {
  return { ok: false, failure: { errorType, message } };
}

function userTaskJobSpec(
  state: EngineState,
  element: ElementInstance,
  task: UserTaskDefinition,
  customHeaders: Record<string, string>,
): Result<JobSpec, JobSpecFailure> {
  const headers: Record<string, string> = { ...customHeaders };
  if (task.formKey !== undefined) headers[`${HEADER}formKey`] = task.formKey;
  if (task.formId !== undefined) {
    const form = state.latestForm(task.formId);
    if (!form) {
      return failWith('FORM_NOT_FOUND', `Expected to find a form with id '${task.formId}', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id`);
    }
    headers[`${HEADER}formKey`] = String(form.key);
  }
  const single = { assignee: task.assignee, dueDate: task.dueDate, followUpDate: task.followUpDate };
  for (const [name, value] of Object.entries(single)) {
    if (!value) continue;
    const result = name === 'assignee'
      ? evaluateString(state, element.key, value)
      : evaluateDateTime(state, element.key, value);
    if (!result.ok) return failWith('EXTRACT_VALUE_ERROR', result.failure.message);
    headers[`${HEADER}${name}`] = result.value;
  }
  const lists = { candidateGroups: task.candidateGroups, candidateUsers: task.candidateUsers };
  for (const [name, value] of Object.entries(lists)) {
    if (!value) continue;
    const result = evaluateStringList(state, element.key, value);
    if (!result.ok) return failWith('EXTRACT_VALUE_ERROR', result.failure.message);
    headers[`${HEADER}${name}`] = JSON.stringify(result.value);
  }
  return ok({ jobType: USER_TASK_JOB_TYPE, retries: 1, customHeaders: headers });
}

