/** Every FEEL expression of a process must parse, so a typo is a rejected deployment rather than an incident later. */
import { checkFeelSyntax } from '../feel/index.js';
import { validationError, type ValidationError } from '../xml/index.js';
import type { ExecutableProcess, FlowNode, ValueOrExpression } from './model.js';

export function validateExpressions({ elements, flows }: ExecutableProcess, errors: ValidationError[]): void {
  const reasons = new Map<string, string | undefined>();
  const check = (elementId: string, path: string[], source: string | undefined) => {
    if (source === undefined) return;
    if (!reasons.has(source)) {
      const syntax = checkFeelSyntax(source);
      reasons.set(source, syntax.ok ? undefined : syntax.failure.message);
    }
    const reason = reasons.get(source);
    if (reason !== undefined) errors.push(validationError(elementId, `failed to parse expression '${source}': ${reason}`, path));
  };
  for (const flow of Object.values(flows)) check(flow.id, ['conditionExpression'], flow.condition);
  for (const node of Object.values(elements)) {
    for (const [path, source] of [...extensionExpressionsOf(node), ...eventExpressionsOf(node), ...loopExpressionsOf(node)]) {
      check(node.id, path, source);
    }
  }
}

type PathAndSource = [string[], string | undefined];

/** The FEEL sources of a node's Zeebe extension elements. */
function extensionExpressionsOf(node: FlowNode): PathAndSource[] {
  const { job, script, userTask, callActivity, calledDecision } = node;
  const below = (path: string[], source: string | undefined): PathAndSource => [['extensionElements', ...path], source];
  return [
    ...node.inputs.map(({ source }) => below(['ioMapping', 'input'], source)),
    ...node.outputs.map(({ source }) => below(['ioMapping', 'output'], source)),
    below(['taskDefinition'], feel(job?.type)),
    below(['taskDefinition'], feel(job?.retries)),
    below(['script'], script?.expression),
    below(['assignmentDefinition'], feel(userTask?.assignee)),
    below(['assignmentDefinition'], feel(userTask?.candidateGroups)),
    below(['assignmentDefinition'], feel(userTask?.candidateUsers)),
    below(['taskSchedule'], feel(userTask?.dueDate)),
    below(['taskSchedule'], feel(userTask?.followUpDate)),
    below(['calledElement'], feel(callActivity?.processId)),
    below(['calledDecision'], feel(calledDecision?.decisionId)),
  ];
}

/** Message names and correlation keys (which Zeebe reads from the message), timers, signal names, error and escalation codes. */
function eventExpressionsOf({ kind, event }: FlowNode): PathAndSource[] {
  if (!event) return [];
  const path = [kind === 'receiveTask' ? 'messageRef' : `${event.type}EventDefinition`];
  switch (event.type) {
    case 'message': return [[path, feel(event.messageName)], [path, event.correlationKey]];
    case 'timer': return [[path, feel(event.timer.value)]];
    case 'signal': return [[path, feel(event.signalName)]];
    case 'error': return [[path, feel(event.errorCode)]];
    case 'escalation': return [[path, feel(event.escalationCode)]];
    default: return [];
  }
}

function loopExpressionsOf({ multiInstance }: FlowNode): PathAndSource[] {
  if (!multiInstance) return [];
  const loop = 'multiInstanceLoopCharacteristics';
  return [
    [[loop, 'extensionElements', 'loopCharacteristics'], multiInstance.inputCollection],
    [[loop, 'extensionElements', 'loopCharacteristics'], multiInstance.outputElement],
    [[loop, 'completionCondition'], multiInstance.completionCondition],
  ];
}

function feel(value: ValueOrExpression | undefined): string | undefined {
  return value?.kind === 'feel' ? value.source : undefined;
}
