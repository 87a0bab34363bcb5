/** The processor for each kind of element, grouped by family as in Zeebe. */
import type { ElementKind } from '../../bpmn/model.js';
import { containerProcessor } from './container/container-processor.js';
import { eventSubProcessProcessor } from './container/event-sub-process-processor.js';
import { catchEventProcessor } from './event/catch-event-processor.js';
import { throwEventProcessor } from './event/throw-event-processor.js';
import { eventBasedGatewayProcessor } from './gateway/event-based-gateway-processor.js';
import type { ElementProcessor } from './element-processor.js';
import { passThroughProcessor } from './event/pass-through-processor.js';
import { exclusiveGatewayProcessor } from './gateway/exclusive-gateway-processor.js';
import { parallelGatewayProcessor } from './gateway/parallel-gateway-processor.js';
import { jobWorkerTaskProcessor } from './task/job-worker-task-processor.js';
import { scriptTaskProcessor } from './task/script-task-processor.js';

const processors: Record<ElementKind, ElementProcessor> = {
  process: containerProcessor,
  subProcess: containerProcessor,
  startEvent: catchEventProcessor,
  endEvent: throwEventProcessor,
  intermediateThrowEvent: throwEventProcessor,
  manualTask: passThroughProcessor,
  task: passThroughProcessor,
  serviceTask: jobWorkerTaskProcessor,
  sendTask: jobWorkerTaskProcessor,
  businessRuleTask: jobWorkerTaskProcessor,
  userTask: jobWorkerTaskProcessor,
  scriptTask: scriptTaskProcessor,
  exclusiveGateway: exclusiveGatewayProcessor,
  parallelGateway: parallelGatewayProcessor,
  intermediateCatchEvent: catchEventProcessor,
  boundaryEvent: catchEventProcessor,
  receiveTask: catchEventProcessor,
  eventBasedGateway: eventBasedGatewayProcessor,
  eventSubProcess: eventSubProcessProcessor,
  // the BPMN mapping rejects these kinds until their processors exist
  callActivity: passThroughProcessor,
  inclusiveGateway: passThroughProcessor,
};

export function processorFor(kind: ElementKind): ElementProcessor {
  return processors[kind];
}
