/** Hands activatable jobs to waiting workers: streams first, then long polls, once the jobs are committed. */
import {
  activateJobs, releaseDueJobs, returnJobs, type ActivateJobsCommand, type ActivatedJobView,
} from '../processing/commands/job-commands.js';
import type { EngineCore } from './engine-core.js';
import { JobWaiters } from './job-waiters.js';

/** Zeebe's gateway answers a long poll with requestTimeout 0 after its default of 10 s. */
const DEFAULT_LONG_POLL_MS = 10_000;
const DUE_JOB_CHECK_MS = 200;

export class JobActivation {
  private readonly waiters = new JobWaiters();
  private readonly dueJobTimer: NodeJS.Timeout;
  /** Job types being served, each with whether another round was asked for meanwhile. */
  private readonly serving = new Map<string, boolean>();

  constructor(private readonly core: EngineCore) {
    core.onCommitted((ctx) => {
      for (const type of ctx.activatableJobTypes) if (this.waiters.hasWaiters(type)) this.scheduleServe(type);
    });
    this.dueJobTimer = setInterval(() => void this.releaseDueJobs(), DUE_JOB_CHECK_MS);
    this.dueJobTimer.unref();
  }

  /** ActivateJobs: jobs now if there are any, else held until a job arrives or `requestTimeout` passes. */
  async activate(command: ActivateJobsCommand, requestTimeout: number, cancelled: AbortSignal): Promise<ActivatedJobView[]> {
    const jobs = await this.core.run((ctx) => activateJobs(ctx, command));
    if (cancelled.aborted) {
      await this.giveBack(jobs);
      return [];
    }
    if (jobs.length > 0 || requestTimeout < 0) return jobs;
    return new Promise((resolve) => {
      const finish = (found: ActivatedJobView[]) => {
        clearTimeout(timer);
        remove();
        cancelled.removeEventListener('abort', onAbort);
        resolve(found);
      };
      const onAbort = () => finish([]);
      const remove = this.waiters.addPoll({ command, answer: finish });
      // A job may have become activatable after the attempt above and before this poll was registered.
      if (this.core.state.activatableJobs.has(command.type)) this.scheduleServe(command.type);
      const timer = setTimeout(() => finish([]), requestTimeout === 0 ? DEFAULT_LONG_POLL_MS : requestTimeout);
      cancelled.addEventListener('abort', onAbort);
    });
  }

  /** StreamActivatedJobs: every job of the type that becomes activatable goes to one of the open streams. */
  stream(command: ActivateJobsCommand, push: (job: ActivatedJobView) => void): () => void {
    const remove = this.waiters.addStream({ command, push });
    this.scheduleServe(command.type);
    return remove;
  }

  close(): void {
    clearInterval(this.dueJobTimer);
    this.waiters.answerAllPolls();
  }

  /** Serves one type at a time, so two rounds never hand jobs to the same poll; a request meanwhile runs one more. */
  private scheduleServe(type: string): void {
    if (this.serving.has(type)) {
      this.serving.set(type, true);
      return;
    }
    this.serving.set(type, false);
    setImmediate(() => void this.serveUntilQuiet(type));
  }

  private async serveUntilQuiet(type: string): Promise<void> {
    do {
      this.serving.set(type, false);
      await this.serve(type);
    } while (this.serving.get(type));
    this.serving.delete(type);
  }

  private async serve(type: string): Promise<void> {
    for (let stream = this.waiters.nextStream(type); stream; stream = this.waiters.nextStream(type)) {
      const target = stream;
      const jobs = await this.core.run((ctx) => activateJobs(ctx, { ...target.command, maxJobsToActivate: 1 }));
      if (jobs.length === 0) break;
      if (this.waiters.isStreaming(target)) target.push(jobs[0]);
      else await this.giveBack(jobs);
    }
    for (const poll of this.waiters.pollsFor(type)) {
      if (!this.waiters.isWaiting(poll)) continue;
      const jobs = await this.core.run((ctx) => activateJobs(ctx, poll.command));
      if (jobs.length === 0) break;
      if (this.waiters.isWaiting(poll)) poll.answer(jobs);
      else await this.giveBack(jobs);
    }
  }

  /** Jobs activated for a worker that is gone before they reached it become activatable again at once. */
  private async giveBack(jobs: ActivatedJobView[]): Promise<void> {
    if (jobs.length > 0) await this.core.run((ctx) => returnJobs(ctx, jobs.map((job) => job.key)));
  }

  /** A run that finds nothing due writes no event and so no journal batch. */
  private async releaseDueJobs(): Promise<void> {
    await this.core.run((ctx) => releaseDueJobs(ctx));
  }
}
