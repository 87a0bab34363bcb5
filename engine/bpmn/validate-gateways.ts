/** Conditions only where Zeebe evaluates them: on the outgoing flows of an exclusive gateway, each one conditional or default. */
import type { ExecutableProcess } from './model.js';
import { validationError, type ValidationError } from './validation-error.js';

export function validateConditionalFlows({ elements, flows }: ExecutableProcess, errors: ValidationError[]): void {
  // a flow whose condition was rejected already has no condition in the model; saying so again would mislead
  const rejectedConditions = new Set(errors.filter(({ path }) => path[0] === 'conditionExpression').map(({ elementId }) => elementId));
  for (const flow of Object.values(flows)) {
    if (flow.condition !== undefined && elements[flow.sourceId]?.kind !== 'exclusiveGateway') {
      errors.push(validationError(flow.id, 'Conditional sequence flows are only supported at exclusive gateway', ['conditionExpression']));
    }
  }
  for (const gateway of Object.values(elements)) {
    if (gateway.kind !== 'exclusiveGateway') continue;
    const { defaultFlow, outgoing } = gateway;
    if (defaultFlow !== undefined && Object.hasOwn(flows, defaultFlow) && !outgoing.includes(defaultFlow)) {
      errors.push(validationError(gateway.id, `Default flow '${defaultFlow}' must be an outgoing sequence flow of this gateway`));
    }
    if (outgoing.length < 2) continue;
    for (const flowId of outgoing) {
      if (flowId !== defaultFlow && flows[flowId]?.condition === undefined && !rejectedConditions.has(flowId)) {
        errors.push(validationError(flowId, 'Must have a condition or be default flow'));
      }
    }
  }
}
