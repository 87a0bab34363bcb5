/** Boundary events and event sub-processes are entered by their trigger, never by a sequence flow. */
import { validationError, type ValidationError } from '../xml/index.js';
import type { ExecutableProcess } from './model.js';

export function validateEventFlows({ elements }: ExecutableProcess, errors: ValidationError[]): void {
  for (const node of Object.values(elements)) {
    if (node.kind === 'boundaryEvent') {
      if (node.incoming.length > 0) errors.push(validationError(node.id, 'Cannot have incoming sequence flows'));
      if (node.outgoing.length === 0) errors.push(validationError(node.id, 'Must have at least one outgoing sequence flow'));
    } else if (node.kind === 'eventSubProcess' && node.incoming.length + node.outgoing.length > 0) {
      errors.push(validationError(node.id, 'Event sub-processes cannot have incoming or outgoing sequence flows'));
    }
  }
}
