/** Script task with `zeebe:script`: evaluates the FEEL expression into the result variable and completes. */
import { evaluateInScope } from '../../behaviors/expressions.js';
import { raiseIncident } from '../../behaviors/incidents.js';
import { completeWithVariables } from '../complete-with-variables.js';
import type { ElementProcessor } from '../element-processor.js';
import { markActivated } from '../lifecycle.js';

export const scriptTaskProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    const script = node.script!;
    const result = evaluateInScope(ctx.state, element.key, script.expression);
    if (!result.ok) return raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', result.failure.message, 'activate');
    if (!markActivated(ctx, element)) return;
    completeWithVariables(ctx, element, { [script.resultVariable]: result.value });
  },
};
