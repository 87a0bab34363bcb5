/**
 * One zeebe-node worker per connector type. It runs each job through `executeJob`, keeps long jobs alive, applies the
 * outcome on the gateway, and on shutdown either lets running jobs finish or, after the grace period, hands them back.
 */
import type { Logger } from 'pino';
import type { JSONDoc, ZBClient, ZBWorker } from 'zeebe-node';
import type { Connector } from '../sdk/define-connector.js';
import type { DocumentStore } from '../sdk/documents.js';
import type { MessagePublisher } from '../sdk/messages.js';
import type { SecretProvider } from '../sdk/secrets.js';
import type { ConnectorMetrics, JobOutcome } from './connector-metrics.js';
import { executeJob, FAILED_ATTEMPTS_VARIABLE, type ActivatedJob, type JobOutcomeAction } from './job-execution.js';
import { inputVariableNames } from './job-input.js';
import type { JobTimeoutExtender } from './job-timeout-extender.js';

export interface ConnectorWorkerDependencies {
  zbc: ZBClient;
  secrets: SecretProvider;
  documents: DocumentStore;
  messages: MessagePublisher;
  logger: Logger;
  metrics: ConnectorMetrics;
  timeoutExtender: JobTimeoutExtender;
  maxConcurrentJobs: number;
  workerName: string;
}

/** The message a job handed back at shutdown fails with; its retries stay as they were. */
export const RELEASED_AT_SHUTDOWN = 'Handed back: the connector runtime shut down before the job finished';

interface RunningJob {
  abort: AbortController;
  finished: Promise<void>;
}

export class ConnectorWorker {
  private readonly worker: ZBWorker<Record<string, unknown>, Record<string, string>, Record<string, unknown>>;
  private readonly running = new Set<RunningJob>();

  constructor(private readonly connector: Connector, private readonly deps: ConnectorWorkerDependencies) {
    deps.metrics.register(connector.type);
    this.worker = deps.zbc.createWorker({
      id: deps.workerName,
      taskType: connector.type,
      maxJobsToActivate: connector.maxConcurrentJobs ?? deps.maxConcurrentJobs,
      timeout: connector.timeoutMs,
      fetchVariable: [...inputVariableNames(connector), FAILED_ATTEMPTS_VARIABLE],
      taskHandler: (job) => {
        const abort = new AbortController();
        const entry: RunningJob = { abort, finished: Promise.resolve() };
        entry.finished = this.handle(job as unknown as ActivatedJob, abort.signal).finally(() => this.running.delete(entry));
        this.running.add(entry);
        return entry.finished.then(() => job.forward());
      },
    });
  }

  /**
   * Stops taking jobs and resolves once every running job has finished, or, when `graceMs` passes first, once the
   * rest have been aborted and handed back.
   */
  async stop(graceMs: number): Promise<void> {
    const closed = this.worker.close();
    const allFinished = Promise.all([...this.running].map((job) => job.finished));
    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace over'>((resolve) => (graceTimer = setTimeout(() => resolve('grace over'), graceMs)));
    const first = await Promise.race([allFinished, graceOver]);
    clearTimeout(graceTimer);
    if (first === 'grace over') {
      for (const job of this.running) job.abort.abort();
      await Promise.all([...this.running].map((job) => job.finished));
    }
    await closed;
  }

  private async handle(job: ActivatedJob, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    const logger = this.deps.logger.child({ connectorType: this.connector.type, jobKey: job.key, processInstanceKey: job.processInstanceKey });
    this.deps.metrics.jobActivated(this.connector.type);
    logger.debug({ elementId: job.elementId, retries: job.retries }, 'Job activated');
    const stopKeepAlive = this.deps.timeoutExtender.keepAlive(job, this.connector.timeoutMs);
    let outcome: JobOutcome = 'released';
    try {
      const released = new Promise<'released'>((resolve) => signal.addEventListener('abort', () => resolve('released'), { once: true }));
      const action = await Promise.race([executeJob(this.connector, job, { ...this.deps, logger, signal }), released]);
      if (action === 'released') {
        await this.release(job, logger);
      } else {
        outcome = await this.apply(job, action, logger);
      }
    } catch (error) {
      // The gateway refused the outcome (job timed out and went elsewhere, instance cancelled): nothing left to do here.
      logger.warn({ err: error }, 'The gateway did not accept the job outcome');
    } finally {
      stopKeepAlive();
      this.deps.metrics.jobFinished(this.connector.type, outcome, performance.now() - started);
    }
  }

  private async apply(job: ActivatedJob, action: JobOutcomeAction, logger: Logger): Promise<JobOutcome> {
    const { zbc } = this.deps;
    if (action.kind === 'complete') {
      await zbc.completeJob({ jobKey: job.key, variables: action.variables });
      logger.info('Job completed');
      return 'completed';
    }
    if (action.kind === 'throwError') {
      await zbc.throwError({ jobKey: job.key, errorCode: action.errorCode, errorMessage: action.errorMessage, variables: action.variables as JSONDoc });
      logger.info({ errorCode: action.errorCode }, 'Job ended with a BPMN error');
      return 'bpmnError';
    }
    await zbc.failJob({
      jobKey: job.key,
      retries: action.retries,
      errorMessage: action.errorMessage,
      retryBackOff: action.retryBackOffMs,
      // FailJob's variables (gateway protocol 8.2+) are missing from zeebe-node's request type, not from its .proto.
      variables: JSON.stringify(action.variables),
    } as Parameters<ZBClient['failJob']>[0]);
    const level = action.reason === 'failed' && action.retries > 0 ? 'warn' : 'error';
    logger[level]({ retries: action.retries, retryBackOffMs: action.retryBackOffMs, reason: action.reason, error: action.errorMessage }, 'Job failed');
    return action.reason;
  }

  /** FailJob with the retries unchanged and no back-off: the job is activatable again at once and no retry is spent. */
  private async release(job: ActivatedJob, logger: Logger): Promise<void> {
    await this.deps.zbc.failJob({ jobKey: job.key, retries: job.retries, errorMessage: RELEASED_AT_SHUTDOWN, retryBackOff: 0 });
    logger.info('Job handed back at shutdown');
  }
}
