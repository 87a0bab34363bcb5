/**
 * Business rule task: with `zeebe:calledDecision` it evaluates the latest version of the decision in the engine and
 * completes with the result in its result variable; with a task definition it is a job like a service task.
 */
import { evaluateDeployedDecision } from '../../behaviors/decision-evaluation.js';
import { evaluateString } from '../../behaviors/expressions.js';
import { raiseIncident } from '../../behaviors/incidents.js';
import { visibleVariables } from '../../behaviors/variables.js';
import { completeWithVariables } from '../complete-with-variables.js';
import type { ElementProcessor } from '../element-processor.js';
import { markActivated } from '../lifecycle.js';
import { jobWorkerTaskProcessor } from './job-worker-task-processor.js';

export const businessRuleTaskProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    const called = node.calledDecision;
    if (!called) return jobWorkerTaskProcessor.onActivate(ctx, element, node);
    const decisionId = evaluateString(ctx.state, element.key, called.decisionId);
    if (!decisionId.ok) return raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', decisionId.failure.message, 'activate');
    const decision = ctx.state.latestDecision(decisionId.value);
    if (!decision) {
      return raiseIncident(ctx, element, 'CALLED_DECISION_ERROR',
        `Expected to evaluate decision '${decisionId.value}', but no decision found for id '${decisionId.value}'`, 'activate');
    }
    const { result } = evaluateDeployedDecision(ctx, decision, visibleVariables(ctx.state, element.key), element.key);
    if (!result.ok) return raiseIncident(ctx, element, 'DECISION_EVALUATION_ERROR', result.failure.message, 'activate');
    if (!markActivated(ctx, element)) return;
    completeWithVariables(ctx, element, { [called.resultVariable]: result.value.output });
  },
  onTerminate(ctx, element) {
    jobWorkerTaskProcessor.onTerminate?.(ctx, element);
  },
};
