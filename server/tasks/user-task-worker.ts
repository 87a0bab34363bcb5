/**
 * The user-task worker: activates `io.camunda.zeebe:userTask` jobs with a long timeout (the lease) and records each
 * as a task, idempotently by job key, then lets the job go from zeebe-node (`forward`): it stays activated in the
 * engine until a clerk completes it. When a lease runs out the engine offers the job again and this worker takes it
 * back at once, which renews the lease and refreshes the task's variables. A job that cannot be recorded is handed
 * back to the engine (FailJob, retries unchanged, short back-off) instead of hiding under its lease for a day.
 */
import type { Logger } from 'pino';
import type { ZBClient, ZBWorker } from 'zeebe-node';
import { SYSTEM_ACTOR, type AuditLog } from '../audit/audit-log.js';
import { GroupCommit } from '../storage/group-commit.js';
import type { SqlClient, SqlSession } from '../storage/server-storage.js';
import { probeJob } from './job-probe.js';
import type { ProcessModelReader } from './process-model-reader.js';
import type { ActivationOutcome, TaskStore } from './task-store.js';
import { taskFromJob, USER_TASK_JOB_TYPE, type ActivatedUserTaskJob, type TaskFromJob } from './user-task-job.js';

export interface UserTaskWorkerDependencies {
  zeebe: ZBClient;
  sql: SqlClient;
  store: TaskStore;
  models: ProcessModelReader;
  audit: AuditLog;
  logger: Logger;
  leaseMs: number;
  /** Recording transactions in flight at once: 1 on PGlite (one session), more on a PostgreSQL server. */
  parallelCommits?: number;
}

const MAX_JOBS_PER_ACTIVATION = 32;
const HAND_BACK_AFTER_MS = 10_000;

export class UserTaskWorker {
  private worker: ZBWorker<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>> | undefined;
  /** The jobs of one activation are recorded together, sharing a commit (`GroupCommit`). */
  private readonly recordings: GroupCommit<{ task: TaskFromJob; name: string | null }, ActivationOutcome>;

  constructor(private readonly deps: UserTaskWorkerDependencies) {
    this.recordings = new GroupCommit(deps.sql, GroupCommit.itemByItem((tx, { task, name }) => this.recordInTransaction(tx, task, name)), {
      maxInFlight: deps.parallelCommits ?? 1,
    });
  }

  start(): void {
    this.worker = this.deps.zeebe.createWorker({
      id: 'amtsflow-task-list',
      taskType: USER_TASK_JOB_TYPE,
      timeout: this.deps.leaseMs,
      maxJobsToActivate: MAX_JOBS_PER_ACTIVATION,
      taskHandler: async (job) => {
        try {
          await this.record(job as unknown as ActivatedUserTaskJob);
        } catch (error) {
          this.deps.logger.error({ err: error, jobKey: job.key }, 'Could not record a user task; handing its job back to the engine');
          return job.fail({ errorMessage: 'The task list could not record the task; it will take it again', retries: job.retries, retryBackOff: HAND_BACK_AFTER_MS });
        }
        return job.forward();
      },
    });
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  /** Records one activated job as a task (a new one audited as created). */
  async record(job: ActivatedUserTaskJob): Promise<void> {
    const task = taskFromJob(job);
    const name = await this.elementName(task.processDefinitionKey, task.bpmnProcessId, task.elementId);
    const outcome = await this.recordings.write({ task, name });
    if (outcome === 'ended') await this.reopenIfStillThere(task);
    else this.deps.logger.debug({ jobKey: task.jobKey, outcome }, 'User task activated');
  }

  private async recordInTransaction(tx: SqlSession, task: TaskFromJob, name: string | null): Promise<ActivationOutcome> {
    const recorded = await this.deps.store.recordActivation(tx, task, name);
    if (recorded === 'created') {
      await this.deps.audit.record({
        actor: SYSTEM_ACTOR, action: 'task.created', target: { kind: 'task', id: task.jobKey },
        details: {
          bpmnProcessId: task.bpmnProcessId, elementId: task.elementId, processInstanceKey: task.processInstanceKey,
          candidateGroups: task.candidateGroups, candidateUsers: task.candidateUsers, assignee: task.assignee,
        },
      }, tx);
    }
    return recorded;
  }

  /**
   * A job of a task recorded as ended was handed out: usually an activation that crossed the job's completion or
   * cancellation on the way, so only a job the engine still knows after this activation opens the task again.
   */
  private async reopenIfStillThere(task: TaskFromJob): Promise<void> {
    if ((await probeJob(this.deps.zeebe, task.jobKey)) !== 'exists') return;
    const reopened = await this.deps.sql.transaction(async (tx) => {
      const changed = await this.deps.store.reopen(tx, task);
      if (changed) {
        await this.deps.audit.record({
          actor: SYSTEM_ACTOR, action: 'task.reopened', target: { kind: 'task', id: task.jobKey },
          details: { reason: 'The task was recorded as ended, but the engine still has its job waiting.' },
        }, tx);
      }
      return changed;
    });
    if (reopened) this.deps.logger.warn({ jobKey: task.jobKey }, 'A task recorded as ended still has its job in the engine; it is open again');
  }

  private async elementName(processDefinitionKey: string, bpmnProcessId: string, elementId: string): Promise<string | null> {
    const model = await this.deps.models.model(processDefinitionKey, bpmnProcessId).catch(() => undefined);
    return model?.elementNames.get(elementId) ?? null;
  }
}
