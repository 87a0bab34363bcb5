/**
 * The single-threaded processor: runs one command at a time against the state, hands its events to the commit
 * pipeline, and releases the command's result only once those events are committed.
 */
import type { Logger } from 'pino';
import { stopEndlessLoop } from '../processing/behaviors/endless-loop.js';
import { ProcessingContext } from '../processing/context.js';
import { Rejection } from '../processing/commands/rejection.js';
import type { EngineState } from '../state/engine-state.js';
import { serializeState } from '../state/snapshot.js';
import { CommitPipeline, type CommittedBatch } from './commit-pipeline.js';
import type { EngineJournal } from './journal.js';

/** Take a snapshot after this many events or this much time, whichever comes first. */
const SNAPSHOT_EVERY_EVENTS = 250_000;
const SNAPSHOT_EVERY_MS = 60_000;

export type PostCommitHook = (ctx: ProcessingContext) => void;

export class EngineCore {
  private readonly pipeline: CommitPipeline;
  private eventsSinceSnapshot = 0;
  private lastSnapshotAt = Date.now();
  private readonly postCommitHooks: PostCommitHook[] = [];

  constructor(
    readonly state: EngineState,
    private readonly journal: EngineJournal,
    position: number,
    private readonly logger: Logger,
  ) {
    this.pipeline = new CommitPipeline(journal, position, (batch) => this.maybeSnapshot(batch), (error) => this.fatal(error));
  }

  /** Runs after every committed command, e.g. to serve waiting workers. */
  onCommitted(hook: PostCommitHook): void {
    this.postCommitHooks.push(hook);
  }

  /**
   * Processes a command now and resolves with its result once its events are committed. A Rejection thrown before
   * any event was written rejects the promise, after earlier commands' results, so answers keep their order.
   */
  run<T>(command: (ctx: ProcessingContext) => T): Promise<T> {
    const ctx = new ProcessingContext(this.state, Date.now());
    let result: T;
    try {
      result = command(ctx);
      const dropped = ctx.drain();
      if (dropped.length > 0) stopEndlessLoop(ctx, dropped);
    } catch (error) {
      if (error instanceof Rejection && ctx.events.length === 0) {
        return new Promise((_resolve, reject) => this.pipeline.add([], this.state.lastKey, () => reject(error)));
      }
      this.fatal(error);
      throw error;
    }
    return new Promise((resolve) => {
      this.pipeline.add(ctx.events, this.state.lastKey, () => {
        for (const hook of this.postCommitHooks) hook(ctx);
        resolve(result);
      });
    });
  }

  flushed(): Promise<void> {
    return this.pipeline.flushed();
  }

  /** Writes a snapshot of the state as of the last committed batch. */
  async snapshotNow(): Promise<void> {
    await this.pipeline.flushed();
    const position = this.pipeline.lastPosition;
    await this.journal.writeSnapshot({ position, lastKey: String(this.state.lastKey), state: serializeState(this.state) });
    this.eventsSinceSnapshot = 0;
    this.lastSnapshotAt = Date.now();
  }

  private maybeSnapshot(batch: CommittedBatch): (() => void) | undefined {
    this.eventsSinceSnapshot += batch.eventCount;
    const due = this.eventsSinceSnapshot >= SNAPSHOT_EVERY_EVENTS || Date.now() - this.lastSnapshotAt >= SNAPSHOT_EVERY_MS;
    if (!due) return undefined;
    // The state now is exactly the state after this batch, so serialise it before anything else is processed.
    const state = serializeState(this.state);
    this.eventsSinceSnapshot = 0;
    this.lastSnapshotAt = Date.now();
    return () => {
      this.journal.writeSnapshot({ position: batch.position, lastKey: String(batch.lastKey), state })
        .catch((error: unknown) => this.logger.error({ err: error }, 'Writing a snapshot failed; the journal still has everything'));
    };
  }

  private fatal(error: unknown): never {
    // The in-memory state may be ahead of the journal now; the only safe way on is a restart from the journal.
    this.logger.fatal({ err: error }, 'The engine cannot continue safely and stops');
    process.exit(70);
  }
}
