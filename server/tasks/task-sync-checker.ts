/**
 * Keeps the task list in step with the engine, which never says that a job was cancelled. Tasks are confirmed with
 * a probe (`job-probe.ts`): every time someone opens or changes one, and in the background every
 * `checkIntervalMs`, at most `probesPerCheck` at a time: first tasks whose lease ran out without the worker taking
 * the job back (likely gone), then the ones confirmed longest ago, once older than `recheckAfterMs`. A job the engine
 * does not know any more ends its task as gone; a completion that never recorded its outcome (a crash between
 * asking the engine and writing its answer) is settled the same way.
 */
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import { SYSTEM_ACTOR, type AuditLog } from '../audit/audit-log.js';
import type { TaskSyncConfig } from '../config.js';
import type { SqlClient } from '../storage/server-storage.js';
import { probeJob } from './job-probe.js';
import type { StoredTask, TaskStore, TaskToConfirm } from './task-store.js';

/** A completion is surely stuck after this long: zeebe-node gives up on a call within seconds. */
const STUCK_COMPLETION_MS = 120_000;

export const GONE_REASON = 'The engine no longer knows the job: the process instance was cancelled, an interrupting event ended the task, or it was completed elsewhere.';
const UNCONFIRMED_COMPLETION = 'A completion was sent, but its outcome was never recorded, and the engine no longer knows the job.';

export interface TaskSyncDependencies {
  store: TaskStore;
  sql: SqlClient;
  zeebe: ZBClient;
  audit: AuditLog;
  logger: Logger;
  config: TaskSyncConfig;
}

export type ConfirmationOutcome = 'open' | 'gone' | 'unknown';

export class TaskSyncChecker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private started = false;
  private stopRequested = false;

  constructor(private readonly deps: TaskSyncDependencies) {}

  /** The engine's word on one task, recorded. */
  async confirm(task: TaskToConfirm): Promise<ConfirmationOutcome> {
    const presence = await probeJob(this.deps.zeebe, task.key);
    if (presence === 'unknown') return 'unknown';
    if (presence === 'exists') {
      if (task.state === 'completing') await this.deps.store.abandonCompletion(task.key);
      else await this.deps.store.confirm([task.key]);
      return 'open';
    }
    await this.endAsGone(task.key, task.state === 'completing' ? UNCONFIRMED_COMPLETION : GONE_REASON, [task.state]);
    return 'gone';
  }

  /** A task as the engine has it now, before someone acts on it; as stored when the engine does not answer. */
  async refresh(task: StoredTask): Promise<StoredTask> {
    if (task.state !== 'open') return task;
    const outcome = await this.confirm(task as TaskToConfirm);
    if (outcome === 'unknown') this.deps.logger.warn({ jobKey: task.key }, 'Could not confirm a task with the engine; showing it as stored');
    return outcome === 'gone' ? (await this.deps.store.get(task.key)) ?? task : task;
  }

  /** Ends a task the engine no longer knows, with its audit entry; false when it had already ended otherwise. */
  async endAsGone(key: string, reason: string, from: StoredTask['state'][] = ['open']): Promise<boolean> {
    return this.deps.sql.transaction(async (tx) => {
      const ended = await this.deps.store.markGone(tx, key, reason, from);
      if (ended) await this.deps.audit.record({ actor: SYSTEM_ACTOR, action: 'task.gone', target: { kind: 'task', id: key }, details: { reason } }, tx);
      return ended;
    });
  }

  /** One background pass; resolves with what it found. */
  async checkOnce(): Promise<{ checked: number; gone: number }> {
    const { config } = this.deps;
    const due = await this.deps.store.dueForConfirmation({
      recheckAfterMs: config.recheckAfterMs,
      graceMs: leaseGraceMs(config),
      stuckAfterMs: STUCK_COMPLETION_MS,
      limit: config.probesPerCheck,
    });
    let gone = 0;
    for (const task of due) {
      // A stop() during a long pass ends it after the probe in flight.
      if (this.stopRequested) break;
      if ((await this.confirm(task)) === 'gone') gone++;
    }
    if (gone > 0) this.deps.logger.info({ checked: due.length, gone }, 'Tasks whose jobs the engine no longer knows were removed from the list');
    return { checked: due.length, gone };
  }

  start(): void {
    this.started = true;
    this.stopRequested = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.stopRequested = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.running = this.checkOnce()
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'Checking tasks against the engine failed; trying again later'))
        .finally(() => this.schedule());
    }, this.deps.config.checkIntervalMs);
    this.timer.unref();
  }
}

/**
 * How long after a lease ran out a task counts as not taken back: the engine needs a moment to time the job out
 * (Zeebe checks deadlines every few seconds) and the worker to take it back.
 */
export function leaseGraceMs(config: Pick<TaskSyncConfig, 'leaseMs'>): number {
  return Math.min(60_000, config.leaseMs / 2);
}
