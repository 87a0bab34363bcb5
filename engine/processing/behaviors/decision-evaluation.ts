/**
 * Evaluates a deployed decision with the variables given, and writes the evaluation's record (DECISION_EVALUATED)
 * for audit and operations, whether it succeeded or failed.
 */
import { evaluateDecision, type DecisionEvaluation, type DecisionEvaluationFailure } from '../../dmn/index.js';
import type { Result } from '../../result.js';
import type { DecisionDefinition, Key } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';

export function evaluateDeployedDecision(
  ctx: ProcessingContext, decision: DecisionDefinition, variables: Record<string, unknown>, elementInstanceKey: Key,
): { key: Key; result: Result<DecisionEvaluation, DecisionEvaluationFailure> } {
  const { graph } = ctx.state.decisionRequirements.get(decision.decisionRequirementsKey)!;
  const result = evaluateDecision(graph, decision.decisionId, variables);
  const key = ctx.nextKey();
  ctx.write({
    type: 'DECISION_EVALUATED',
    key,
    decisionKey: decision.key,
    elementInstanceKey,
    output: result.ok ? JSON.stringify(result.value.output ?? null) : result.failure.message,
    failed: !result.ok,
  });
  return { key, result };
}
