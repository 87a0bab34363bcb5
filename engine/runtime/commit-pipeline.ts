/**
 * Group commit: events written while a batch is being stored wait and go into the next batch, one journal row per
 * batch. Whatever depends on a batch (a gRPC response, a job handed to a worker) runs only once it is committed.
 */
import type { EngineEvent } from '../processing/events.js';

export interface BatchStore {
  append(batch: { position: number; lastKey: string; records: unknown[] }): Promise<void>;
}

export interface CommittedBatch {
  position: number;
  lastKey: number;
  eventCount: number;
}

export class CommitPipeline {
  private pendingEvents: EngineEvent[] = [];
  private pendingCallbacks: (() => void)[] = [];
  private writing = false;
  private pendingLastKey = 0;

  constructor(
    private readonly store: BatchStore,
    private position: number,
    /** Called with each batch as it is cut, before it is written; returns work to run once it is committed. */
    private readonly onBatchCut: (batch: CommittedBatch) => (() => void) | undefined,
    private readonly onFatal: (error: unknown) => void,
  ) {}

  get lastPosition(): number {
    return this.position;
  }

  /** Queues events and a callback that runs once they (and everything queued before them) are committed. */
  add(events: EngineEvent[], lastKey: number, onCommitted: () => void): void {
    for (const event of events) this.pendingEvents.push(event);
    this.pendingLastKey = lastKey;
    this.pendingCallbacks.push(onCommitted);
    if (!this.writing) {
      this.writing = true;
      setImmediate(() => void this.writeNext());
    }
  }

  /** Resolves once everything queued so far is committed. */
  flushed(): Promise<void> {
    return new Promise((resolve) => this.add([], this.pendingLastKey, resolve));
  }

  private async writeNext(): Promise<void> {
    while (this.pendingCallbacks.length > 0) {
      const events = this.pendingEvents;
      const callbacks = this.pendingCallbacks;
      this.pendingEvents = [];
      this.pendingCallbacks = [];
      try {
        let afterCommit: (() => void) | undefined;
        if (events.length > 0) {
          this.position += 1;
          const batch = { position: this.position, lastKey: this.pendingLastKey, eventCount: events.length };
          afterCommit = this.onBatchCut(batch);
          await this.store.append({ position: batch.position, lastKey: String(batch.lastKey), records: events });
        }
        for (const callback of callbacks) callback();
        afterCommit?.();
      } catch (error) {
        this.onFatal(error);
        return;
      }
    }
    this.writing = false;
  }
}
