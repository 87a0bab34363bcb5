/** What each kind of BPMN element does in its lifecycle; the shared steps live in the lifecycle behaviour. */
import type { FlowNode } from '../../bpmn/model.js';
import type { ElementInstance } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';

export interface ElementProcessor {
  /** The element's input mappings are applied; move it on (write ELEMENT_ACTIVATED, create a job, complete...). */
  onActivate(ctx: ProcessingContext, element: ElementInstance, node: FlowNode): void;
  /** Every child of this container completed and no token waits inside it. */
  onChildrenFinished?(ctx: ProcessingContext, element: ElementInstance, node: FlowNode): void;
  /** The element is being terminated; clean up what it owns (its job). */
  onTerminate?(ctx: ProcessingContext, element: ElementInstance): void;
}
