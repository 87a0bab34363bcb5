/** Rebuilds the state on start: the newest snapshot, then every batch after it, applied event by event. */
import { applyEvent } from '../processing/appliers/index.js';
import type { EngineEvent } from '../processing/events.js';
import { EngineState } from '../state/engine-state.js';
import { deserializeState } from '../state/snapshot.js';
import type { EngineJournal } from './journal.js';

export interface RecoveredState {
  state: EngineState;
  position: number;
  replayedEvents: number;
}

export async function recoverState(journal: EngineJournal): Promise<RecoveredState> {
  const snapshot = await journal.latestSnapshot();
  const state = snapshot ? deserializeState(snapshot.state) : new EngineState();
  let position = snapshot?.position ?? 0;
  let replayedEvents = 0;
  await journal.readBatches(position, (batch) => {
    for (const event of batch.records as EngineEvent[]) applyEvent(state, event);
    state.lastKey = Math.max(state.lastKey, Number(batch.lastKey));
    position = batch.position;
    replayedEvents += batch.records.length;
  });
  return { state, position, replayedEvents };
}
