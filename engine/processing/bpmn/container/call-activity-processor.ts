/**
 * Call activity: starts the latest version of the called process as a child process instance and completes when
 * that completes, passing variables both ways as Zeebe documents it.
 */
import type { CallActivityDefinition, FlowNode } from '../../../bpmn/model.js';
import { ok, type Result } from '../../../result.js';
import type { ElementInstance, ProcessDefinition } from '../../../state/types.js';
import { evaluateString } from '../../behaviors/expressions.js';
import { incidentFailure, raiseIncident, type IncidentFailure } from '../../behaviors/incidents.js';
import { localVariables, visibleVariables } from '../../behaviors/variables.js';
import { createRootInstance } from '../../commands/create-process-instance.js';
import type { ProcessingContext } from '../../context.js';
import { completeWithVariables } from '../complete-with-variables.js';
import type { ElementProcessor } from '../element-processor.js';
import { activateElement, completeElement, markActivated, nodeOf, terminateElement } from '../lifecycle.js';

/** Process instances in one chain of calls, the root included; deeper, a process most likely calls itself. */
export const MAX_PROCESS_DEPTH = 1000;

export const callActivityProcessor: ElementProcessor = {
  onActivate(ctx, element, node) {
    const called = calledProcess(ctx, element, node.callActivity!);
    if (!called.ok) return raiseIncident(ctx, element, called.failure.errorType, called.failure.message, 'activate');
    if (!markActivated(ctx, element)) return;
    const child = createRootInstance(ctx, called.value, variablesForChild(ctx, element, node), { callActivity: element });
    if (markActivated(ctx, child)) activateElement(ctx, child, startEventOf(called.value)!);
  },
  onTerminate(ctx, element) {
    const key = element.calledProcessInstanceKey;
    const child = key === undefined ? undefined : ctx.state.elementInstances.get(key);
    if (child) terminateElement(ctx, child);
  },
};

/**
 * The called process instance completed with these variables of its root scope. Output mappings see them all and
 * decide what leaves; without output mappings they are propagated only with `propagateAllChildVariables`.
 */
export function completeCallActivity(ctx: ProcessingContext, callActivity: ElementInstance, childVariables: Record<string, unknown>): void {
  const node = nodeOf(ctx, callActivity);
  if (node.outputs.length > 0 || node.callActivity!.propagateAllChildVariables) {
    completeWithVariables(ctx, callActivity, childVariables);
  } else {
    completeElement(ctx, callActivity);
  }
}

function calledProcess(ctx: ProcessingContext, element: ElementInstance, called: CallActivityDefinition): Result<ProcessDefinition, IncidentFailure> {
  if (processDepth(ctx, element) >= MAX_PROCESS_DEPTH) {
    return incidentFailure('CALLED_ELEMENT_ERROR',
      `Expected to call a process, but the call chain already holds ${MAX_PROCESS_DEPTH} process instances (the most allowed); a process probably calls itself. Cancel the root process instance if this was not intended`);
  }
  const processId = evaluateString(ctx.state, element.key, called.processId);
  if (!processId.ok) return incidentFailure('EXTRACT_VALUE_ERROR', processId.failure.message);
  const definition = ctx.state.latestProcess(processId.value);
  if (!definition) {
    return incidentFailure('CALLED_ELEMENT_ERROR', `Expected process with BPMN process id '${processId.value}' to be deployed, but not found.`);
  }
  if (startEventOf(definition) === undefined) {
    return incidentFailure('CALLED_ELEMENT_ERROR', `Expected process with BPMN process id '${processId.value}' to have a none start event, but not found.`);
  }
  return ok(definition);
}

function startEventOf(definition: ProcessDefinition): string | undefined {
  return definition.model.elements[definition.bpmnProcessId].noneStartEventId;
}

/** How many process instances the call chain of this element's process instance holds, that one included. */
function processDepth(ctx: ProcessingContext, element: ElementInstance): number {
  let depth = 1;
  for (let root = ctx.state.elementInstances.get(element.processInstanceKey); root?.parentProcessInstanceKey !== undefined; depth++) {
    root = ctx.state.elementInstances.get(root.parentProcessInstanceKey);
  }
  return depth;
}

/**
 * Every variable the call activity sees, or with `propagateAllParentVariables` off only its local ones, which are
 * the results of its input mappings (as in Zeebe, nothing at all when it has none).
 */
function variablesForChild(ctx: ProcessingContext, element: ElementInstance, node: FlowNode): Record<string, unknown> {
  if (node.callActivity!.propagateAllParentVariables) return visibleVariables(ctx.state, element.key);
  return node.inputs.length > 0 ? localVariables(ctx.state, element.key) : {};
}
