/**
 * Fires timers and expires buffered messages when they are due: one Node timer armed for the earliest due date, so
 * that pending timers and subscriptions cost nothing while nothing is due. Entries of timers canceled meanwhile stay
 * in the heap until their date and are skipped then.
 */
import { expireMessages, fireDueTimers } from '../processing/commands/fire-due-timers.js';
import type { EngineCore } from './engine-core.js';
import { MinHeap } from './min-heap.js';

/** setTimeout takes at most a 32-bit delay; a later date is re-armed when this much time has passed. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export class DueDateScheduler {
  private readonly heap = new MinHeap();
  private armed: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private closed = false;

  constructor(private readonly core: EngineCore) {
    for (const timer of core.state.timers.values()) this.heap.push({ due: timer.dueDate, key: timer.key, kind: 'timer' });
    for (const message of core.state.messages.values()) this.heap.push({ due: message.deadline, key: message.key, kind: 'message' });
    core.onCommitted((ctx) => {
      for (const event of ctx.events) {
        if (event.type === 'TIMER_CREATED') this.heap.push({ due: event.dueDate, key: event.key, kind: 'timer' });
        else if (event.type === 'MESSAGE_PUBLISHED' && event.deadline > 0) this.heap.push({ due: event.deadline, key: event.key, kind: 'message' });
      }
      this.arm();
    });
    this.arm();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.armed);
  }

  private arm(): void {
    const next = this.heap.peek();
    if (!next || this.closed || (this.armed && next.due >= this.armedFor)) return;
    clearTimeout(this.armed);
    this.armedFor = next.due;
    this.armed = setTimeout(() => void this.fire(), Math.min(MAX_DELAY_MS, Math.max(0, next.due - Date.now())));
    this.armed.unref();
  }

  private async fire(): Promise<void> {
    this.armed = undefined;
    this.armedFor = Infinity;
    const now = Date.now();
    const timerKeys: number[] = [];
    const messageKeys: number[] = [];
    while ((this.heap.peek()?.due ?? Infinity) <= now) {
      const entry = this.heap.pop()!;
      (entry.kind === 'timer' ? timerKeys : messageKeys).push(entry.key);
    }
    if (timerKeys.length + messageKeys.length > 0 && !this.closed) {
      await this.core.run((ctx) => {
        fireDueTimers(ctx, timerKeys);
        expireMessages(ctx, messageKeys);
      });
    }
    this.arm();
  }
}
