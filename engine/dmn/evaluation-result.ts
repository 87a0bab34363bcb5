/**
 * What evaluating a decision answers, shaped like Zeebe's EvaluateDecisionResponse (gateway.proto) without the keys,
 * versions and tenant, which the engine adds: values are JSON text where the protocol has JSON text.
 */
import type { Failure } from '../result.js';
import type { DecisionType } from './model.js';

export interface DecisionEvaluation {
  /** The requested decision's output as JSON data (decisionOutput is its JSON text). */
  output: unknown;
  /** Every decision evaluated, each required decision before the decisions requiring it, the requested one last. */
  evaluatedDecisions: EvaluatedDecision[];
}

export interface DecisionEvaluationFailure extends Failure {
  /** The decision that failed: the requested one, or one it requires. */
  failedDecisionId: string;
  /** The decisions evaluated up to the failure, the failed one last. */
  evaluatedDecisions: EvaluatedDecision[];
}

export interface EvaluatedDecision {
  decisionId: string;
  decisionName: string;
  decisionType: DecisionType;
  /** JSON text; `null` for a decision that failed. */
  decisionOutput: string;
  /** A decision table's inputs, once all of them are evaluated. */
  evaluatedInputs: EvaluatedDecisionInput[];
  /** The rules that matched and were evaluated: for FIRST the first, for the other hit policies all, in table order. */
  matchedRules: MatchedDecisionRule[];
}

export interface EvaluatedDecisionInput {
  inputId: string;
  /** The input's label, else its expression. */
  inputName: string;
  /** JSON text */
  inputValue: string;
}

export interface MatchedDecisionRule {
  ruleId: string;
  /** Counted from 1 in table order. */
  ruleIndex: number;
  evaluatedOutputs: EvaluatedDecisionOutput[];
}

export interface EvaluatedDecisionOutput {
  outputId: string;
  /** The output's name, else its label. */
  outputName: string;
  /** JSON text */
  outputValue: string;
}
