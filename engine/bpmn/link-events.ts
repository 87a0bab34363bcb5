/** A link throw event jumps to the link catch event of the same name in its own process or sub-process. */
import { validationError, type ValidationError } from '../xml/index.js';
import type { ExecutableProcess, FlowNode } from './model.js';

export function connectLinkEvents({ elements }: ExecutableProcess, errors: ValidationError[]): void {
  const linkName = (node: FlowNode) => (node.event?.type === 'link' ? node.event.linkName : undefined);
  /** Link catch events by scope id, then by link name. */
  const catchEvents = new Map<string, Map<string, string>>();
  for (const node of Object.values(elements)) {
    const name = linkName(node);
    if (node.kind !== 'intermediateCatchEvent' || name === undefined) continue;
    const inScope = catchEvents.get(node.parentId) ?? new Map<string, string>();
    catchEvents.set(node.parentId, inScope);
    if (inScope.has(name)) {
      errors.push(validationError(node.parentId, `Multiple intermediate catch link event definitions with the same name '${name}' are not allowed.`));
    } else {
      inScope.set(name, node.id);
    }
  }
  for (const node of Object.values(elements)) {
    const name = linkName(node);
    if (node.kind !== 'intermediateThrowEvent' || name === undefined) continue;
    const target = catchEvents.get(node.parentId)?.get(name);
    if (target !== undefined) node.linkTargetId = target;
    else errors.push(validationError(node.id, `Can't find an catch link event for the throw link event with the name '${name}'.`));
  }
}
