/** The requirements of a graph's decisions must name decisions of the graph and must not go round in a circle. */
import { validationError, type ValidationError } from '../xml/index.js';
import type { Decision } from './model.js';

export function validateRequirements(decisions: Decision[], errors: ValidationError[]): void {
  const byId = new Map(decisions.map((decision) => [decision.id, decision]));
  for (const decision of decisions) {
    for (const required of decision.requiredDecisions) {
      if (!byId.has(required)) {
        errors.push(validationError(decision.id,
          `Expected the required decision '${required}' to be a decision of this decision requirements graph, but found no decision with this id`,
          ['informationRequirement']));
      }
    }
  }
  for (const cycle of requirementCycles(decisions, byId)) {
    errors.push(validationError(cycle[0]!,
      `Invalid DMN model: Cyclic dependencies between decisions detected: ${[...cycle, cycle[0]].join(' → ')}`));
  }
}

/** Each cycle once, as the decision ids along it, starting where the depth-first search entered it. */
function requirementCycles(decisions: Decision[], byId: Map<string, Decision>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (decision: Decision): void => {
    const onPath = path.indexOf(decision.id);
    if (onPath >= 0) {
      cycles.push(path.slice(onPath));
      return;
    }
    if (done.has(decision.id)) return;
    path.push(decision.id);
    for (const required of decision.requiredDecisions) {
      const next = byId.get(required);
      if (next) visit(next);
    }
    path.pop();
    done.add(decision.id);
  };
  decisions.forEach(visit);
  return cycles;
}
