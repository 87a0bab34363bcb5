/**
 * A clerk's task list for process tests, working like the server's: one worker activates the jobs of type
 * `io.camunda.zeebe:userTask` with a long lease and keeps them until a test completes one, so tasks of parallel
 * branches wait side by side.
 */
import type { Job, JSONDoc, ZBClient } from 'zeebe-node';
import { submittedThrough, type DeployedForms } from './form-submission.js';

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
/** The clerk a test completes a task as, when it does not name one. */
export const DEFAULT_CLERK = 'sachbearbeitung';

export interface UserTask {
  jobKey: string;
  processInstanceKey: string;
  elementId: string;
  formKey?: string;
  candidateGroups: string[];
  variables: Record<string, unknown>;
}

export class UserTaskList {
  private readonly open = new Map<string, UserTask>();

  /** With the deployed forms, a completion goes through the task's form as the server's does (validated, cleaned). */
  constructor(private readonly zbc: ZBClient, private readonly forms?: DeployedForms) {}

  /** The open task of the element in the instance, waiting for it up to `timeoutMs`. */
  async take(processInstanceKey: string, elementId: string, timeoutMs = 10_000): Promise<UserTask> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.open.values()].find((task) => task.processInstanceKey === processInstanceKey && task.elementId === elementId);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No user task '${elementId}' in instance ${processInstanceKey} within ${timeoutMs} ms`);
      await this.poll();
    }
  }

  /**
   * True when no task of the element is open in the instance, after one more look for new ones. Tasks whose job is gone
   * (an interrupting boundary event ended the task) are dropped first, found as the server finds them: a harmless
   * UpdateJobRetries answers NOT_FOUND.
   */
  async hasNone(processInstanceKey: string, elementId: string): Promise<boolean> {
    await this.poll(200);
    const matching = [...this.open.values()].filter((task) => task.processInstanceKey === processInstanceKey && task.elementId === elementId);
    for (const task of matching) {
      try {
        await this.zbc.updateJobRetries({ jobKey: task.jobKey, retries: 1 });
      } catch (error) {
        if ((error as { code?: number }).code !== 5) throw error;
        this.open.delete(task.jobKey);
      }
    }
    return ![...this.open.values()].some((task) => task.processInstanceKey === processInstanceKey && task.elementId === elementId);
  }

  /**
   * Completes the task with what the clerk (by user name) entered in its form; throws when the form refuses it. Like
   * the server, it adds who completed it as `completedBy` (server/tasks/completed-by.ts), over the form's data.
   */
  async complete(task: UserTask, entered: Record<string, unknown>, clerk = DEFAULT_CLERK): Promise<void> {
    const schema = task.formKey === undefined ? undefined : this.forms?.byKey.get(task.formKey);
    const data = schema ? submittedThrough(schema, entered, task.variables) : entered;
    const variables = { ...data, completedBy: { id: clerk, username: clerk, name: clerk } };
    await this.zbc.completeJob({ jobKey: task.jobKey, variables: variables as JSONDoc });
    this.open.delete(task.jobKey);
  }

  /** Takes and completes the task of the element in one step. */
  async completeTask(processInstanceKey: string, elementId: string, variables: Record<string, unknown>, clerk = DEFAULT_CLERK): Promise<UserTask> {
    const task = await this.take(processInstanceKey, elementId);
    await this.complete(task, variables, clerk);
    return task;
  }

  private async poll(requestTimeout = 500): Promise<void> {
    const jobs = await this.zbc.activateJobs({ type: USER_TASK_JOB_TYPE, worker: 'test-task-list', maxJobsToActivate: 50, timeout: 600_000, requestTimeout });
    for (const job of jobs) this.open.set(job.key, toTask(job));
  }
}

function toTask(job: Job): UserTask {
  const headers = job.customHeaders as Record<string, string>;
  const groups = headers['io.camunda.zeebe:candidateGroups'];
  return {
    jobKey: job.key,
    processInstanceKey: job.processInstanceKey,
    elementId: job.elementId,
    formKey: headers['io.camunda.zeebe:formKey'],
    candidateGroups: groups ? (JSON.parse(groups) as string[]) : [],
    variables: job.variables as Record<string, unknown>,
  };
}
