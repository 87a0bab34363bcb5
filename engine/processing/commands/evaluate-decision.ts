/** EvaluateDecision: evaluates the latest version of a decision (by id) or a given version (by key) outside any process. */
import type { DecisionEvaluation, DecisionEvaluationFailure } from '../../dmn/index.js';
import type { Result } from '../../result.js';
import type { DecisionDefinition } from '../../state/types.js';
import { evaluateDeployedDecision } from '../behaviors/decision-evaluation.js';
import type { ProcessingContext } from '../context.js';
import { invalidArgument, notFound } from './rejection.js';

export interface EvaluateDecisionCommand {
  decisionKey?: number;
  decisionId?: string;
  variables: Record<string, unknown>;
}

export interface EvaluatedDecisionResult {
  decision: DecisionDefinition;
  decisionInstanceKey: number;
  result: Result<DecisionEvaluation, DecisionEvaluationFailure>;
}

export function evaluateDecisionCommand(ctx: ProcessingContext, command: EvaluateDecisionCommand): EvaluatedDecisionResult {
  const decision = findDecision(ctx, command);
  const { key, result } = evaluateDeployedDecision(ctx, decision, command.variables, -1);
  return { decision, decisionInstanceKey: key, result };
}

function findDecision(ctx: ProcessingContext, { decisionKey, decisionId }: EvaluateDecisionCommand): DecisionDefinition {
  if (decisionKey !== undefined && decisionKey > 0) {
    const decision = ctx.state.decisions.get(decisionKey);
    if (!decision) throw notFound(`Expected to evaluate decision with key '${decisionKey}', but no such decision found`);
    return decision;
  }
  if (!decisionId) throw invalidArgument('Expected either a decision id or a valid decision key, but none provided');
  const decision = ctx.state.latestDecision(decisionId);
  if (!decision) throw notFound(`Expected to evaluate decision '${decisionId}', but no decision found for id '${decisionId}'`);
  return decision;
}
