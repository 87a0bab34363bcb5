/**
 * Conditions only where Zeebe evaluates them: on the outgoing flows of exclusive and inclusive gateways, each one
 * conditional or the default flow.
 */
import { validationError, type ValidationError } from '../xml/index.js';
import type { ElementKind, ExecutableProcess } from './model.js';

/** Zeebe's rejection of an outgoing flow with neither condition nor default, by gateway kind. */
const UNCONDITIONAL_FLOW: Partial<Record<ElementKind, string>> = {
  exclusiveGateway: 'Must have a condition or be default flow',
  inclusiveGateway: 'Must have a condition',
};

export function validateConditionalFlows({ elements, flows }: ExecutableProcess, errors: ValidationError[]): void {
  // a flow whose condition was rejected already has no condition in the model; saying so again would mislead
  const rejectedConditions = new Set(errors.filter(({ path }) => path[0] === 'conditionExpression').map(({ elementId }) => elementId));
  for (const flow of Object.values(flows)) {
    if (flow.condition !== undefined && !UNCONDITIONAL_FLOW[elements[flow.sourceId]!.kind]) {
      errors.push(validationError(flow.id, 'Conditional sequence flows are only supported at exclusive or inclusive gateway', ['conditionExpression']));
    }
  }
  for (const gateway of Object.values(elements)) {
    const unconditionalFlow = UNCONDITIONAL_FLOW[gateway.kind];
    if (!unconditionalFlow) continue;
    const { defaultFlow, outgoing } = gateway;
    if (defaultFlow !== undefined && Object.hasOwn(flows, defaultFlow) && !outgoing.includes(defaultFlow)) {
      errors.push(validationError(gateway.id, `Default flow '${defaultFlow}' must be an outgoing sequence flow of this gateway`));
    }
    if (outgoing.length < 2) continue;
    for (const flowId of outgoing) {
      if (flowId !== defaultFlow && flows[flowId]?.condition === undefined && !rejectedConditions.has(flowId)) {
        errors.push(validationError(flowId, unconditionalFlow));
      }
    }
  }
}
