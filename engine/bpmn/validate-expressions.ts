/** Every FEEL expression of a process must parse, so a typo is a rejected deployment rather than an incident later. */
import { checkFeelSyntax } from '../feel/index.js';
import type { ExecutableProcess, FlowNode, ValueOrExpression } from './model.js';
import { validationError, type ValidationError } from './validation-error.js';

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
    for (const [path, source] of expressionsOf(node)) check(node.id, ['extensionElements', ...path], source);
  }
}

/** The FEEL sources of a node, each with its path below `extensionElements`. */
function expressionsOf(node: FlowNode): Array<[string[], string | undefined]> {
  const { job, script, userTask } = node;
  return [
    ...node.inputs.map(({ source }): [string[], string] => [['ioMapping', 'input'], source]),
    ...node.outputs.map(({ source }): [string[], string] => [['ioMapping', 'output'], source]),
    [['taskDefinition'], feel(job?.type)],
    [['taskDefinition'], feel(job?.retries)],
    [['script'], script?.expression],
    [['assignmentDefinition'], feel(userTask?.assignee)],
    [['assignmentDefinition'], feel(userTask?.candidateGroups)],
    [['assignmentDefinition'], feel(userTask?.candidateUsers)],
    [['taskSchedule'], feel(userTask?.dueDate)],
    [['taskSchedule'], feel(userTask?.followUpDate)],
  ];
}

function feel(value: ValueOrExpression | undefined): string | undefined {
  return value?.kind === 'feel' ? value.source : undefined;
}
