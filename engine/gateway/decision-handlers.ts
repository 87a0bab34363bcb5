/**
 * EvaluateDecision: the result, or the failure, with Zeebe's evaluated-decisions detail. As in Zeebe, a failed
 * evaluation is an answer (failedDecisionId, failureMessage), not a gRPC error; an unknown decision is NOT_FOUND.
 */
import type { Logger } from 'pino';
import type { EvaluatedDecision } from '../dmn/index.js';
import type { Engine } from '../engine.js';
import type { EvaluatedDecisionResult } from '../processing/commands/evaluate-decision.js';
import { TENANT_ID, unary } from './handler-kit.js';
import { readKey, readVariables } from './request-values.js';

export function decisionHandlers(engine: Engine, logger: Logger) {
  return {
    EvaluateDecision: unary('EVALUATE', logger, async (request) => {
      const key = String(request.decisionKey ?? '0');
      const evaluated = await engine.evaluateDecision({
        decisionKey: key === '0' || key === '' ? undefined : readKey(key, 'decisionKey'),
        decisionId: request.decisionId,
        variables: readVariables(request.variables),
      });
      return evaluationResponse(engine, evaluated);
    }),
  };
}

function evaluationResponse(engine: Engine, { decision, result }: EvaluatedDecisionResult) {
  const details = result.ok ? result.value.evaluatedDecisions : result.failure.evaluatedDecisions;
  return {
    decisionKey: String(decision.key),
    decisionId: decision.decisionId,
    decisionName: decision.name,
    decisionVersion: decision.version,
    decisionRequirementsId: decision.decisionRequirementsId,
    decisionRequirementsKey: String(decision.decisionRequirementsKey),
    decisionOutput: result.ok ? JSON.stringify(result.value.output ?? null) : '',
    evaluatedDecisions: details.map((detail) => evaluatedDecision(engine, decision.decisionRequirementsKey, detail)),
    failedDecisionId: result.ok ? '' : result.failure.failedDecisionId,
    failureMessage: result.ok ? '' : result.failure.message,
    tenantId: TENANT_ID,
  };
}

/** A required decision of the same graph gets the key and version it was deployed with. */
function evaluatedDecision(engine: Engine, decisionRequirementsKey: number, detail: EvaluatedDecision) {
  const deployed = [...engine.state.decisions.values()]
    .find((candidate) => candidate.decisionRequirementsKey === decisionRequirementsKey && candidate.decisionId === detail.decisionId);
  return {
    decisionKey: String(deployed?.key ?? 0),
    decisionId: detail.decisionId,
    decisionName: detail.decisionName,
    decisionVersion: deployed?.version ?? 0,
    decisionType: detail.decisionType,
    decisionOutput: detail.decisionOutput,
    matchedRules: detail.matchedRules,
    evaluatedInputs: detail.evaluatedInputs,
    tenantId: TENANT_ID,
  };
}
