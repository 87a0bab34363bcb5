/** What each kind of BPMN element does in its lifecycle; the shared steps live in the lifecycle behaviour. */
import type { FlowNode } from '../../bpmn/model.js';
import type { ElementInstance } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';

export interface ElementProcessor {
  /** The element's input mappings are applied; move it on (write ELEMENT_ACTIVATED, create a job, complete...). */
  onActivate(ctx: ProcessingContext, element: ElementInstance, node: FlowNode): void;
  /** Every child of this container completed and no token waits inside it. */
  onChildrenFinished?(ctx: ProcessingContext, element: ElementInstance, node: FlowNode): void;
  /** The element is being terminated; clean up what it owns (its job, the process instance it called). */
  onTerminate?(ctx: ProcessingContext, element: ElementInstance): void;
  /**
   * For a container that decides itself what follows each child (the multi-instance body): called once the child's
   * output mappings are applied, in place of writing the child's ELEMENT_COMPLETED and taking its outgoing flows.
   */
  completeChild?(ctx: ProcessingContext, element: ElementInstance, child: ElementInstance): void;
}
