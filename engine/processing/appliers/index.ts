/** Event appliers: the one place where the engine state changes. Replaying the journal calls these alone. */
import type { EngineState } from '../../state/engine-state.js';
import type { EngineEvent, EventType } from '../events.js';
import type { Appliers } from './applier.js';
import { decisionAppliers } from './decision-appliers.js';
import { deploymentAppliers } from './deployment-appliers.js';
import { elementAppliers } from './element-appliers.js';
import { jobAppliers } from './job-appliers.js';
import { subscriptionAppliers } from './subscription-appliers.js';
import { variableAndIncidentAppliers } from './variable-and-incident-appliers.js';

const appliers: Appliers<EventType> = { ...deploymentAppliers, ...decisionAppliers, ...elementAppliers, ...jobAppliers, ...variableAndIncidentAppliers, ...subscriptionAppliers };

export function applyEvent(state: EngineState, event: EngineEvent): void {
  if (event.key > state.lastKey) state.lastKey = event.key;
  (appliers[event.type] as (state: EngineState, event: EngineEvent) => void)(state, event);
}
