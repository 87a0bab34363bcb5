/** CreateProcessInstanceWithResult: callers waiting for an instance to complete, answered after the commit. */
import { Rejection } from '../processing/commands/rejection.js';
import type { EngineCore } from './engine-core.js';

interface ResultWaiter {
  resolve(variables: Record<string, unknown>): void;
  reject(error: Rejection): void;
}

export class InstanceResults {
  private readonly waiters = new Map<number, ResultWaiter>();

  constructor(core: EngineCore) {
    core.onCommitted((ctx) => {
      for (const completed of ctx.completedProcessInstances) {
        this.take(completed.processInstanceKey)?.resolve(completed.variables);
      }
      for (const key of ctx.terminatedProcessInstances) {
        this.take(key)?.reject(new Rejection('FAILED_PRECONDITION', `Expected the process instance '${key}' to complete, but it was terminated`));
      }
    });
  }

  /** Must be called before the creating command's batch commits, i.e. right after `run` returned its promise. */
  await(processInstanceKey: number, timeoutMs: number): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(processInstanceKey);
        reject(new Rejection('DEADLINE_EXCEEDED', `Expected the process instance '${processInstanceKey}' to complete within ${timeoutMs} ms, but it did not`));
      }, timeoutMs);
      this.waiters.set(processInstanceKey, {
        resolve: (variables) => { clearTimeout(timer); resolve(variables); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      });
    });
  }

  private take(key: number): ResultWaiter | undefined {
    const waiter = this.waiters.get(key);
    this.waiters.delete(key);
    return waiter;
  }
}
