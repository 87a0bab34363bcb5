/**
 * Completing a task: the clerk's data is validated with `forms/` against the task's form, and the job is completed
 * with the cleaned data. Nothing is completed twice: the task moves open → completing in one conditional update
 * before the engine is asked (a second clerk gets 409 there), and the engine itself completes a job only once (a
 * completion that lost the race answers NOT_FOUND, which ends the task as gone). The outcome and its audit entry
 * are written in one transaction once the engine has answered. The signed-in clerk is added to the variables as
 * `completedBy` (`completed-by.ts`), over anything the data says under that name.
 */
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import type { AuditEntryInput, AuditLog } from '../audit/audit-log.js';
import { HttpProblem, problemType } from '../http/problem.js';
import type { StaffUser } from '../identity/staff-user.js';
import type { SqlClient } from '../storage/server-storage.js';
import { COMPLETED_BY_VARIABLE, completedByOf } from './completed-by.js';
import { isNotFound } from './job-probe.js';
import { taskNotOpen } from './task-problems.js';
import type { TaskFormResolver } from './task-forms.js';
import { formInvalidProblem, type TaskFieldError, type TaskFormValidator } from './task-form-validation.js';
import type { StoredTask, TaskStore } from './task-store.js';
import { GONE_REASON, type TaskSyncChecker } from './task-sync-checker.js';

export interface TaskCompletionDependencies {
  store: TaskStore;
  sql: SqlClient;
  zeebe: ZBClient;
  audit: AuditLog;
  forms: TaskFormResolver;
  validate: TaskFormValidator;
  sync: TaskSyncChecker;
  logger: Logger;
}

export interface CompletionRequest {
  task: StoredTask;
  user: StaffUser;
  /** What the clerk sent as `data`; undefined when they sent none. */
  submitted: unknown;
  origin: Pick<AuditEntryInput, 'actor' | 'clientAddress'>;
  locale?: string;
}

/** gRPC status FAILED_PRECONDITION: the job is in a state that cannot be completed (failed, with an incident). */
const FAILED_PRECONDITION = 9;
const UNAVAILABLE = 14;

export class TaskCompletion {
  constructor(private readonly deps: TaskCompletionDependencies) {}

  /** Resolves with the variables the job was completed with; throws an HttpProblem otherwise. */
  async complete(request: CompletionRequest): Promise<Record<string, unknown>> {
    const variables = { ...await this.variablesFor(request), [COMPLETED_BY_VARIABLE]: completedByOf(request.user) };
    const { task } = request;
    if (!(await this.deps.store.beginCompletion(task.key))) throw taskNotOpen((await this.deps.store.get(task.key)) ?? task);
    try {
      await this.deps.zeebe.completeJob({ jobKey: task.key, variables });
    } catch (error) {
      throw await this.refused(task, error);
    }
    await this.deps.sql.transaction(async (tx) => {
      await this.deps.store.finishCompletion(tx, task.key, request.user.id);
      await this.deps.audit.record({
        ...request.origin, action: 'task.completed', target: { kind: 'task', id: task.key },
        // The names of what was sent, not the values: those are the case's (often personal) data.
        details: { bpmnProcessId: task.bpmnProcessId, processInstanceKey: task.processInstanceKey, variables: Object.keys(variables) },
      }, tx);
    });
    return variables;
  }

  /** The form's cleaned data, or nothing for a task without a form. */
  private async variablesFor({ task, submitted, locale }: CompletionRequest): Promise<Record<string, unknown>> {
    const form = await this.deps.forms.formOf(task);
    if (form.kind === 'none') {
      if (submitted === undefined || (isPlainObject(submitted) && Object.keys(submitted).length === 0)) return {};
      throw formProblem(422, 'task-has-no-form', 'This task has no form, so it takes no data.', [{ pointer: '/data', detail: 'must be empty: the task has no form', path: '', code: 'noForm', componentId: '', key: '', message: 'must be empty: the task has no form' }]);
    }
    if (form.kind === 'unavailable') {
      throw new HttpProblem(409, { type: problemType('form-unavailable'), title: 'Form unavailable', detail: `This task cannot be completed here: ${form.reason}`, extensions: { formKey: form.key } });
    }
    const verdict = this.deps.validate({ schema: form.schema, cacheKey: form.cacheKey, submitted: submitted ?? {}, variables: task.variables, locale });
    if (verdict.valid === 'unjudgeable') {
      this.deps.logger.error({ jobKey: task.key, formKey: form.key, reason: verdict.reason }, 'A task\'s form cannot be validated');
      throw new HttpProblem(409, { type: problemType('form-unusable'), title: 'Form cannot be used', detail: `The task's form is broken, so nothing can be validated against it: ${verdict.reason}`, extensions: { formKey: form.key } });
    }
    if (verdict.valid === false) throw formInvalidProblem(verdict.errors);
    return verdict.data;
  }

  /** The engine did not take the completion: the problem to answer, with the task's state settled. */
  private async refused(task: StoredTask, error: unknown): Promise<HttpProblem> {
    const { code, details } = error as { code?: number; details?: string };
    if (isNotFound(error)) {
      await this.deps.sync.endAsGone(task.key, GONE_REASON, ['completing']);
      return taskNotOpen((await this.deps.store.get(task.key)) ?? task);
    }
    await this.deps.store.abandonCompletion(task.key);
    if (code === FAILED_PRECONDITION) {
      return new HttpProblem(409, { type: problemType('task-not-completable'), title: 'Task cannot be completed now', detail: `The engine refused: ${details ?? 'the job is not in a state to be completed'}` });
    }
    this.deps.logger.warn({ err: error, jobKey: task.key }, 'Completing a task\'s job failed');
    return new HttpProblem(code === UNAVAILABLE ? 503 : 502, {
      type: problemType('gateway-failed'), title: 'The engine did not take the completion',
      detail: 'The task is still open; try again in a moment.',
    });
  }
}

function formProblem(status: number, slug: string, detail: string, errors: TaskFieldError[]): HttpProblem {
  return new HttpProblem(status, { type: problemType(slug), title: 'Invalid form data', detail, errors });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
