/**
 * Workers waiting for jobs: long-polling ActivateJobs requests (answered once, when jobs exist or their request
 * timeout passes) and StreamActivatedJobs streams (pushed one job at a time for as long as they are open).
 */
import type { ActivateJobsCommand, ActivatedJobView } from '../processing/commands/job-commands.js';

export interface JobPoll {
  command: ActivateJobsCommand;
  answer(jobs: ActivatedJobView[]): void;
}

export interface JobStream {
  command: ActivateJobsCommand;
  push(job: ActivatedJobView): void;
}

export class JobWaiters {
  private readonly polls = new Map<string, Set<JobPoll>>();
  private readonly streams = new Map<string, JobStream[]>();

  addPoll(poll: JobPoll): () => void {
    return addTo(this.polls, poll.command.type, poll);
  }

  addStream(stream: JobStream): () => void {
    const list = this.streams.get(stream.command.type) ?? [];
    list.push(stream);
    this.streams.set(stream.command.type, list);
    return () => {
      const remaining = (this.streams.get(stream.command.type) ?? []).filter((s) => s !== stream);
      if (remaining.length > 0) this.streams.set(stream.command.type, remaining);
      else this.streams.delete(stream.command.type);
    };
  }

  hasWaiters(type: string): boolean {
    return this.polls.has(type) || this.streams.has(type);
  }

  /** The next stream for a type, round robin, so that jobs spread over the open streams. */
  nextStream(type: string): JobStream | undefined {
    const list = this.streams.get(type);
    if (!list || list.length === 0) return undefined;
    const stream = list.shift()!;
    list.push(stream);
    return stream;
  }

  /** Answers every waiting poll with no jobs, for a shutdown. */
  answerAllPolls(): void {
    for (const polls of this.polls.values()) for (const poll of [...polls]) poll.answer([]);
  }

  isStreaming(stream: JobStream): boolean {
    return this.streams.get(stream.command.type)?.includes(stream) ?? false;
  }

  isWaiting(poll: JobPoll): boolean {
    return this.polls.get(poll.command.type)?.has(poll) ?? false;
  }

  pollsFor(type: string): JobPoll[] {
    return [...(this.polls.get(type) ?? [])];
  }
}

function addTo<T>(map: Map<string, Set<T>>, type: string, item: T): () => void {
  let set = map.get(type);
  if (!set) map.set(type, (set = new Set()));
  set.add(item);
  return () => {
    const current = map.get(type);
    current?.delete(item);
    if (current?.size === 0) map.delete(type);
  };
}
