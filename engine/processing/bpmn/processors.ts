/**
 * The processor for each kind of element, grouped by family as in Zeebe; for some events, by their definition; for a
 * multi-instance body, the body's whatever the activity.
 */
import type { ElementKind, EventDefinition, FlowNode } from '../../bpmn/model.js';
import type { ElementInstance } from '../../state/types.js';
import { callActivityProcessor } from './container/call-activity-processor.js';
import { containerProcessor } from './container/container-processor.js';
import { eventSubProcessProcessor } from './container/event-sub-process-processor.js';
import { multiInstanceBodyProcessor } from './container/multi-instance-body-processor.js';
import { catchEventProcessor } from './event/catch-event-processor.js';
import { throwEventProcessor } from './event/throw-event-processor.js';
import { eventBasedGatewayProcessor } from './gateway/event-based-gateway-processor.js';
import type { ElementProcessor } from './element-processor.js';
import { passThroughProcessor } from './event/pass-through-processor.js';
import { terminateEndEventProcessor } from './event/terminate-end-event-processor.js';
import { exclusiveGatewayProcessor } from './gateway/exclusive-gateway-processor.js';
import { inclusiveGatewayProcessor } from './gateway/inclusive-gateway-processor.js';
import { parallelGatewayProcessor } from './gateway/parallel-gateway-processor.js';
import { businessRuleTaskProcessor } from './task/business-rule-task-processor.js';
import { jobWorkerTaskProcessor } from './task/job-worker-task-processor.js';
import { scriptTaskProcessor } from './task/script-task-processor.js';

const processors: Record<ElementKind, ElementProcessor> = {
  process: containerProcessor,
  subProcess: containerProcessor,
  callActivity: callActivityProcessor,
  startEvent: catchEventProcessor,
  endEvent: throwEventProcessor,
  intermediateThrowEvent: throwEventProcessor,
  manualTask: passThroughProcessor,
  task: passThroughProcessor,
  serviceTask: jobWorkerTaskProcessor,
  sendTask: jobWorkerTaskProcessor,
  businessRuleTask: businessRuleTaskProcessor,
  userTask: jobWorkerTaskProcessor,
  scriptTask: scriptTaskProcessor,
  exclusiveGateway: exclusiveGatewayProcessor,
  parallelGateway: parallelGatewayProcessor,
  intermediateCatchEvent: catchEventProcessor,
  boundaryEvent: catchEventProcessor,
  receiveTask: catchEventProcessor,
  eventBasedGateway: eventBasedGatewayProcessor,
  eventSubProcess: eventSubProcessProcessor,
  inclusiveGateway: inclusiveGatewayProcessor,
};

/** Events whose definition, not only their kind, decides what they do. */
const eventProcessors: Partial<Record<`${ElementKind}:${EventDefinition['type']}`, ElementProcessor>> = {
  'endEvent:terminate': terminateEndEventProcessor,
  // a link throw event continues at its catch event as if a sequence flow joined them (the lifecycle's completion)
  'intermediateThrowEvent:link': passThroughProcessor,
  'intermediateCatchEvent:link': passThroughProcessor,
};

/** The processor of an element instance: a multi-instance body runs as such, whatever the activity inside it. */
export function processorOf(element: ElementInstance, node: FlowNode): ElementProcessor {
  if (element.multiInstanceBody) return multiInstanceBodyProcessor;
  return (node.event && eventProcessors[`${node.kind}:${node.event.type}`]) ?? processors[node.kind];
}
