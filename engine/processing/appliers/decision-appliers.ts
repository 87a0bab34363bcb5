/** Deployed decision requirements graphs and their decisions, versioned by id. */
import type { Appliers } from './applier.js';

type DecisionEvents = 'DECISION_REQUIREMENTS_CREATED' | 'DECISION_CREATED' | 'DECISION_REQUIREMENTS_DELETED' | 'DECISION_EVALUATED';

export const decisionAppliers: Appliers<DecisionEvents> = {
  DECISION_REQUIREMENTS_CREATED(state, { type: _type, ...definition }) {
    state.decisionRequirements.set(definition.key, definition);
    state.decisionRequirementsVersions.add(definition.decisionRequirementsId, definition.version, definition.key);
  },
  DECISION_CREATED(state, { type: _type, ...decision }) {
    state.decisions.set(decision.key, decision);
    state.decisionVersions.add(decision.decisionId, decision.version, decision.key);
  },
  DECISION_REQUIREMENTS_DELETED(state, event) {
    const requirements = state.decisionRequirements.get(event.key);
    if (!requirements) return;
    state.decisionRequirements.delete(event.key);
    state.decisionRequirementsVersions.remove(requirements.decisionRequirementsId, requirements.version);
    for (const decision of [...state.decisions.values()]) {
      if (decision.decisionRequirementsKey !== event.key) continue;
      state.decisions.delete(decision.key);
      state.decisionVersions.remove(decision.decisionId, decision.version);
    }
  },
  DECISION_EVALUATED() {},
};
