/**
 * DMN for the engine, pure (no state, no I/O): `parseDmnResource` turns a deployed `.dmn` file (DMN 1.1 to 1.5) into
 * its decision requirements graph (plain data, see model.ts) or a rejection naming each decision and rule at fault;
 * `evaluateDecision` evaluates one of its decisions with the decisions it requires, answering what Zeebe's
 * EvaluateDecisionResponse and a business rule task need.
 */
export { parseDmnResource } from './parse-dmn-resource.js';
export { evaluateDecision } from './evaluate-decision.js';
export type {
  Aggregation,
  Decision,
  DecisionRequirementsGraph,
  DecisionRule,
  DecisionTable,
  DecisionTableInput,
  DecisionTableOutput,
  DecisionType,
  HitPolicy,
  LiteralExpression,
} from './model.js';
export type {
  DecisionEvaluation,
  DecisionEvaluationFailure,
  EvaluatedDecision,
  EvaluatedDecisionInput,
  EvaluatedDecisionOutput,
  MatchedDecisionRule,
} from './evaluation-result.js';
