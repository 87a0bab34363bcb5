/**
 * Evaluates a decision of a graph: first the decisions it requires (each once), whose outputs it reads under their
 * result names (see Decision.resultName), then its own logic. Failures are values worded as Zeebe words them:
 * "Expected to evaluate decision 'x', but ...".
 */
import { compileFeel, toJsonValue } from '../feel/index.js';
import { ok, type Result } from '../result.js';
import { evaluateDecisionTable, expressionFailure, jsonText, type DecisionOutcome } from './evaluate-decision-table.js';
import type { DecisionEvaluation, DecisionEvaluationFailure, EvaluatedDecision } from './evaluation-result.js';
import type { Decision, DecisionRequirementsGraph, LiteralExpression } from './model.js';

type Variables = Record<string, unknown>;

interface GraphEvaluation {
  decisions: Map<string, Decision>;
  variables: Variables;
  /** Outputs as FEEL has them, by decision id. */
  outputs: Map<string, unknown>;
  evaluated: EvaluatedDecision[];
  /** Decisions whose requirements are being evaluated: a graph that was never validated may have a cycle. */
  inProgress: Set<string>;
}

interface DecisionFailure {
  decisionId: string;
  reason: string;
}

/**
 * Evaluates decision `decisionId` of `graph` with `variables` (JSON data, as a process instance or an
 * EvaluateDecisionRequest has them). Never throws: a failure names the decision that failed and keeps what was
 * evaluated up to it.
 */
export function evaluateDecision(
  graph: DecisionRequirementsGraph, decisionId: string, variables: Variables,
): Result<DecisionEvaluation, DecisionEvaluationFailure> {
  const decisions = decisionsById(graph);
  const requested = decisions.get(decisionId);
  if (requested === undefined) {
    return failure(decisionId, { decisionId, reason: `no decision found with id '${decisionId}'` }, []);
  }
  const evaluation: GraphEvaluation = { decisions, variables, outputs: new Map(), evaluated: [], inProgress: new Set() };
  const failed = evaluateInGraph(requested, evaluation);
  if (failed !== undefined) return failure(decisionId, failed, evaluation.evaluated);
  return ok({ output: toJsonValue(evaluation.outputs.get(decisionId)), evaluatedDecisions: evaluation.evaluated });
}

function failure(
  requestedId: string, { decisionId, reason }: DecisionFailure, evaluatedDecisions: EvaluatedDecision[],
): Result<never, DecisionEvaluationFailure> {
  const because = decisionId === requestedId ? reason : `failed to evaluate the required decision '${decisionId}': ${reason}`;
  const message = `Expected to evaluate decision '${requestedId}', but ${because}`;
  return { ok: false, failure: { message, failedDecisionId: decisionId, evaluatedDecisions } };
}

const graphIndexes = new WeakMap<DecisionRequirementsGraph, Map<string, Decision>>();

function decisionsById(graph: DecisionRequirementsGraph): Map<string, Decision> {
  let index = graphIndexes.get(graph);
  if (index === undefined) {
    index = new Map(graph.decisions.map((decision) => [decision.id, decision]));
    graphIndexes.set(graph, index);
  }
  return index;
}

function evaluateInGraph(decision: Decision, evaluation: GraphEvaluation): DecisionFailure | undefined {
  if (evaluation.outputs.has(decision.id)) return undefined;
  if (evaluation.inProgress.has(decision.id)) {
    return { decisionId: decision.id, reason: 'its required decisions require it in turn' };
  }
  let scope = evaluation.variables;
  if (decision.requiredDecisions.length > 0) {
    evaluation.inProgress.add(decision.id);
    // a decision sees the variables and the outputs of the decisions it requires itself, which win over variables
    scope = { ...evaluation.variables };
    for (const requiredId of decision.requiredDecisions) {
      const required = evaluation.decisions.get(requiredId);
      if (required === undefined) return { decisionId: decision.id, reason: `no decision found with id '${requiredId}'` };
      const failed = evaluateInGraph(required, evaluation);
      if (failed !== undefined) return failed;
      scope[required.resultName] = evaluation.outputs.get(requiredId);
    }
    evaluation.inProgress.delete(decision.id);
  }
  const outcome = decision.logic.type === 'DECISION_TABLE'
    ? evaluateDecisionTable(decision.logic, scope)
    : evaluateLiteralExpression(decision.logic, scope);
  evaluation.evaluated.push({
    decisionId: decision.id,
    decisionName: decision.name,
    decisionType: decision.logic.type,
    decisionOutput: jsonText(outcome.output),
    evaluatedInputs: outcome.evaluatedInputs,
    matchedRules: outcome.matchedRules,
  });
  if (outcome.failure !== undefined) return { decisionId: decision.id, reason: outcome.failure };
  evaluation.outputs.set(decision.id, outcome.output);
  return undefined;
}

function evaluateLiteralExpression({ expression }: LiteralExpression, variables: Variables): DecisionOutcome {
  const failed = (reason: string): DecisionOutcome => ({ output: null, failure: reason, evaluatedInputs: [], matchedRules: [] });
  const compiled = compileFeel(expression);
  if (!compiled.ok) return failed(`failed to parse expression '${expression}': ${compiled.failure.message}`);
  const value = compiled.value.evaluateFeelValue(variables);
  if (!value.ok) return failed(expressionFailure(expression, value.failure.message));
  return { output: value.value, evaluatedInputs: [], matchedRules: [] };
}
