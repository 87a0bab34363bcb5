/** Follows benchmark instances from create to completion, as the worker reports them. */
import type { WorkerListener } from './bench-worker.js';
import { LatencySamples } from './stats.js';

export class InstanceTracker implements WorkerListener {
  private nextN = 0;
  private readonly waiting = new Map<number, (completed: boolean) => void>();
  activation = new LatencySamples();
  completion = new LatencySamples();
  lastCompletedAt = 0;
  /** Completions of instances that were not (or no longer) expected: done twice, or after their timeout. */
  unexpected = 0;
  completeErrors = 0;
  firstErrors: string[] = [];

  /** Fresh samples for a new measurement. */
  reset(): void {
    this.activation = new LatencySamples();
    this.completion = new LatencySamples();
    this.lastCompletedAt = 0;
  }

  /**
   * A new instance number and a promise that resolves with true once that instance completed, or with false after
   * `timeoutMs` or when `forget` is called (its creation failed).
   */
  expect(timeoutMs: number): { n: number; done: Promise<boolean> } {
    const n = this.nextN++;
    const done = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => this.settle(n, false), timeoutMs);
      this.waiting.set(n, (completed) => {
        clearTimeout(timer);
        resolve(completed);
      });
    });
    return { n, done };
  }

  forget(n: number): void {
    this.settle(n, false);
  }

  private settle(n: number, completed: boolean): boolean {
    const resolve = this.waiting.get(n);
    if (!resolve) return false;
    this.waiting.delete(n);
    resolve(completed);
    return true;
  }

  activated(_n: number, createdAt: number, at: number): void {
    this.activation.add(at - createdAt);
  }

  completed(n: number, createdAt: number, at: number): void {
    if (!this.settle(n, true)) {
      this.unexpected++;
      return;
    }
    this.completion.add(at - createdAt);
    this.lastCompletedAt = at;
  }

  failed(error: Error): void {
    this.completeErrors++;
    if (this.firstErrors.length < 3) this.firstErrors.push(error.message);
  }
}
