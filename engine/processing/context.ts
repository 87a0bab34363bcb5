/**
 * One processing run: the events it writes (applied to the state at once, so later steps see them), the follow-up
 * steps it schedules, and what the engine must do once the run's batch is committed.
 */
import type { EngineState } from '../state/engine-state.js';
import type { ElementInstance, Key } from '../state/types.js';
import { applyEvent } from './appliers/index.js';
import type { EngineEvent } from './events.js';

/** A process instance that completed in this run, with its root variables for CreateProcessInstanceWithResult. */
export interface CompletedProcessInstance {
  processInstanceKey: Key;
  variables: Record<string, unknown>;
}

/** Steps a run may take before it is taken for an endless loop without a wait state. */
export const MAX_STEPS_PER_RUN = 20_000;

/** A follow-up step of the lifecycle: activate or complete an element. */
export interface ScheduledStep {
  element: ElementInstance;
  kind: 'activate' | 'complete';
  run(): void;
}

export class ProcessingContext {
  readonly events: EngineEvent[] = [];
  /** Job types that got an activatable job in this run, so waiting pollers can be served. */
  readonly activatableJobTypes = new Set<string>();
  readonly completedProcessInstances: CompletedProcessInstance[] = [];
  readonly terminatedProcessInstances: Key[] = [];
  private readonly steps: ScheduledStep[] = [];
  private stepCount = 0;

  constructor(readonly state: EngineState, readonly now: number) {}

  write(event: EngineEvent): void {
    applyEvent(this.state, event);
    this.events.push(event);
  }

  nextKey(): Key {
    return this.state.nextKey();
  }

  /** Runs later in this same run; keeps deep process graphs from growing the call stack. */
  schedule(element: ElementInstance, kind: ScheduledStep['kind'], run: () => void): void {
    this.steps.push({ element, kind, run });
  }

  /** Runs the scheduled steps; past the step limit it stops and returns the steps it did not run. */
  drain(): ScheduledStep[] {
    for (let step = this.steps.shift(); step; step = this.steps.shift()) {
      // an element terminated meanwhile (by a terminate end event, say) has nothing left to do
      if (this.state.elementInstances.get(step.element.key) !== step.element) continue;
      if (++this.stepCount > MAX_STEPS_PER_RUN) {
        const dropped = [step, ...this.steps];
        this.steps.length = 0;
        return dropped;
      }
      step.run();
    }
    return [];
  }
}
