/** The processor for each kind of element, grouped by family as in Zeebe. */
import type { ElementKind, FlowNode } from '../../bpmn/model.js';
import type { ElementInstance } from '../../state/types.js';
import { callActivityProcessor } from './container/call-activity-processor.js';
import { containerProcessor } from './container/container-processor.js';
import { multiInstanceBodyProcessor } from './container/multi-instance-body-processor.js';
import type { ElementProcessor } from './element-processor.js';
import { passThroughProcessor } from './event/pass-through-processor.js';
import { exclusiveGatewayProcessor } from './gateway/exclusive-gateway-processor.js';
import { parallelGatewayProcessor } from './gateway/parallel-gateway-processor.js';
import { jobWorkerTaskProcessor } from './task/job-worker-task-processor.js';
import { scriptTaskProcessor } from './task/script-task-processor.js';

const processors: Record<ElementKind, ElementProcessor> = {
  process: containerProcessor,
  subProcess: containerProcessor,
  callActivity: callActivityProcessor,
  startEvent: passThroughProcessor,
  endEvent: passThroughProcessor,
  intermediateThrowEvent: passThroughProcessor,
  manualTask: passThroughProcessor,
  task: passThroughProcessor,
  serviceTask: jobWorkerTaskProcessor,
  sendTask: jobWorkerTaskProcessor,
  businessRuleTask: jobWorkerTaskProcessor,
  userTask: jobWorkerTaskProcessor,
  scriptTask: scriptTaskProcessor,
  exclusiveGateway: exclusiveGatewayProcessor,
  parallelGateway: parallelGatewayProcessor,
  // the BPMN mapping rejects these kinds until their processors exist
  intermediateCatchEvent: passThroughProcessor,
  boundaryEvent: passThroughProcessor,
  receiveTask: passThroughProcessor,
  inclusiveGateway: passThroughProcessor,
  eventBasedGateway: passThroughProcessor,
  eventSubProcess: passThroughProcessor,
};

export function processorFor(kind: ElementKind): ElementProcessor {
  return processors[kind];
}

/** The processor of an element instance: a multi-instance body runs as such, whatever the activity inside it. */
export function processorOf(element: ElementInstance, node: FlowNode): ElementProcessor {
  return element.multiInstanceBody ? multiInstanceBodyProcessor : processors[node.kind];
}
