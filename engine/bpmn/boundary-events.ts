/** Each boundary event joins the `boundaryEventIds` of its activity, which must be able to carry it. */
import { validationError, type ValidationError } from '../xml/index.js';
import { duplicateTriggers, triggerOf } from './duplicate-triggers.js';
import type { ElementKind, EventDefinition, ExecutableProcess, FlowNode } from './model.js';

const ACTIVITY_KINDS = new Set<ElementKind>([
  'serviceTask', 'sendTask', 'businessRuleTask', 'scriptTask', 'userTask', 'manualTask', 'task', 'receiveTask', 'callActivity', 'subProcess',
]);

/** Only these can raise an escalation from inside. */
const ESCALATING_KINDS = new Set<ElementKind>(['subProcess', 'callActivity']);

export function attachBoundaryEvents({ elements }: ExecutableProcess, errors: ValidationError[]): void {
  const attached = new Set<FlowNode>();
  for (const boundaryEvent of Object.values(elements)) {
    // a missing or wrong attachedToRef is reported where the event is mapped
    const activityId = boundaryEvent.kind === 'boundaryEvent' ? boundaryEvent.attachedToRef : undefined;
    // an activity that is not in the model cannot run, which is reported already
    const activity = activityId !== undefined && Object.hasOwn(elements, activityId) ? elements[activityId]! : undefined;
    if (!activity) continue;
    if (!ACTIVITY_KINDS.has(activity.kind)) {
      errors.push(validationError(boundaryEvent.id, 'Must be attached to an activity'));
    } else if (activity.parentId !== boundaryEvent.parentId) {
      errors.push(validationError(boundaryEvent.id, 'Must be attached to an activity in the same process or sub-process'));
    } else {
      activity.boundaryEventIds = [...activity.boundaryEventIds ?? [], boundaryEvent.id];
      attached.add(activity);
    }
    if (boundaryEvent.event?.type === 'escalation' && !ESCALATING_KINDS.has(activity.kind)) {
      errors.push(validationError(boundaryEvent.id, 'An escalation boundary event should only be attached to a subprocess, or a call activity.'));
    }
  }
  for (const activity of attached) validateTriggers(activity, elements, errors);
}

function validateTriggers(activity: FlowNode, elements: ExecutableProcess['elements'], errors: ValidationError[]): void {
  const events = activity.boundaryEventIds!.map((id) => elements[id]!.event);
  for (const problem of duplicateTriggers(events)) errors.push(validationError(activity.id, problem));
  const { event } = activity;
  const isSameMessage = (other: EventDefinition | undefined) => other?.type === 'message' && triggerOf(other) === triggerOf(event!);
  if (activity.kind === 'receiveTask' && event?.type === 'message' && events.some(isSameMessage)) {
    errors.push(validationError(activity.id, 'Cannot reference the same message name as a boundary event'));
  }
}
