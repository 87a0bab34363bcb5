/** The checks that need a whole mapped process: its flows, gateways, events and expressions. */
import type { ValidationError } from '../xml/index.js';
import type { ExecutableProcess } from './model.js';
import { validateEventBasedGateways } from './validate-event-based-gateways.js';
import { validateEventFlows } from './validate-event-flows.js';
import { validateExpressions } from './validate-expressions.js';
import { validateConditionalFlows } from './validate-gateways.js';

export function validateProcess(process: ExecutableProcess, errors: ValidationError[]): void {
  validateConditionalFlows(process, errors);
  validateEventBasedGateways(process, errors);
  validateEventFlows(process, errors);
  validateExpressions(process, errors);
}
