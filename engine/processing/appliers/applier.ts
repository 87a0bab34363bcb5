/** The shape of an event applier, and lookups that treat a missing entity as a broken journal. */
import type { EngineState } from '../../state/engine-state.js';
import type { ElementInstance, Job, Key } from '../../state/types.js';
import type { EventOfType, EventType } from '../events.js';

export type Appliers<T extends EventType> = {
  [Type in T]: (state: EngineState, event: EventOfType<Type>) => void;
};

export function elementInstance(state: EngineState, key: Key): ElementInstance {
  const found = state.elementInstances.get(key);
  if (!found) throw new Error(`Journal inconsistency: no element instance ${key}`);
  return found;
}

export function job(state: EngineState, key: Key): Job {
  const found = state.jobs.get(key);
  if (!found) throw new Error(`Journal inconsistency: no job ${key}`);
  return found;
}
