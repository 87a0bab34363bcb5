/**
 * The zeebe-node side of the load: a client, and a worker that completes every benchmark job and reports, per
 * instance, when its job was activated and when the completion of its last task was acknowledged.
 */
import { ZBClient, type ICustomHeaders, type IOutputVariables, type ZBWorker } from 'zeebe-node';
import { JOB_TYPE } from './bench-processes.js';
import { nowMs } from './stats.js';

/** The variables every benchmark instance starts with: a sequence number and the create timestamp. */
export interface BenchVariables {
  [name: string]: number;
  n: number;
  createdAt: number;
}

export interface WorkerListener {
  /** A job of instance `n` reached the worker. */
  activated(n: number, createdAt: number, at: number): void;
  /** The completion of the instance's last task was acknowledged. */
  completed(n: number, createdAt: number, at: number): void;
  /** CompleteJob was rejected. */
  failed(error: Error): void;
}

export interface WorkerSettings {
  maxJobsToActivate: number;
  pollIntervalMs: number;
  /** A job whose activation never reached the worker comes back after this long. */
  jobTimeoutMs: number;
}

export function connect(address: string): ZBClient {
  return new ZBClient(address, { useTLS: false, loglevel: 'NONE', retry: false });
}

export function startBenchWorker(zbc: ZBClient, lastTaskIds: Set<string>, settings: WorkerSettings, listener: WorkerListener): ZBWorker<BenchVariables, ICustomHeaders, IOutputVariables> {
  return zbc.createWorker<BenchVariables>({
    taskType: JOB_TYPE,
    maxJobsToActivate: settings.maxJobsToActivate,
    pollInterval: settings.pollIntervalMs,
    longPoll: 30_000,
    timeout: settings.jobTimeoutMs,
    taskHandler: async (job) => {
      const { n, createdAt } = job.variables;
      listener.activated(n, createdAt, nowMs());
      // job.complete() would swallow a rejection (zeebe-node logs it at debug level and acknowledges anyway);
      // the same CompleteJob through the client lets the benchmark count it.
      try {
        await zbc.completeJob({ jobKey: job.key, variables: {} });
        if (lastTaskIds.has(job.elementId)) listener.completed(n, createdAt, nowMs());
      } catch (error) {
        listener.failed(error as Error);
      }
      return job.forward();
    },
  });
}
