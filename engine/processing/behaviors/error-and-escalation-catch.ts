/**
 * Finds where a thrown error or escalation is caught, as Zeebe does: from the throwing element outwards through its
 * flow scopes and across call activities into the calling process, the first scope with a boundary event or event
 * sub-process for the code; in one scope a catch event for the exact code wins over a catch-all one.
 */
import type { FlowNode } from '../../bpmn/model.js';
import type { ElementInstance } from '../../state/types.js';
import { definitionOf } from '../bpmn/lifecycle.js';
import type { ProcessingContext } from '../context.js';
import { evaluateString } from './expressions.js';

export interface CatchingEvent {
  owner: ElementInstance;
  catchElementId: string;
}

export function findCatchEvent(
  ctx: ProcessingContext, thrower: ElementInstance, type: 'error' | 'escalation', code: string,
): CatchingEvent | undefined {
  let insideElementId: string | undefined;
  for (let current: ElementInstance | undefined = thrower; current; ) {
    const { model } = definitionOf(ctx, current);
    const node = model.elements[current.elementId];
    const candidates = [
      ...(isMultiInstanceInner(node, current) ? [] : node.boundaryEventIds ?? []),
      // an event sub-process does not catch what is thrown inside itself; those of a multi-instance sub-process
      // belong to its inner instances, not to its body
      ...(current.multiInstanceBody ? [] : node.eventSubProcessStartEventIds ?? [])
        .filter((id) => model.elements[id].parentId !== insideElementId),
    ].map((id) => model.elements[id]).filter((candidate) => candidate.event?.type === type);
    const caught = matching(ctx, current, candidates, code);
    if (caught) return { owner: current, catchElementId: caught.id };
    insideElementId = current.elementId;
    current = outerScope(ctx, current);
  }
  return undefined;
}

function matching(ctx: ProcessingContext, owner: ElementInstance, candidates: FlowNode[], code: string): FlowNode | undefined {
  const codes = candidates.map((candidate) => catchCode(ctx, owner, candidate));
  const exact = candidates.find((_candidate, index) => codes[index] === code);
  return exact ?? candidates.find((_candidate, index) => codes[index] === undefined);
}

function catchCode(ctx: ProcessingContext, owner: ElementInstance, candidate: FlowNode): string | undefined {
  const event = candidate.event!;
  const code = event.type === 'error' ? event.errorCode : event.type === 'escalation' ? event.escalationCode : undefined;
  if (!code) return undefined;
  const value = evaluateString(ctx.state, owner.key, code);
  return value.ok ? value.value : undefined;
}

function isMultiInstanceInner(node: FlowNode, element: ElementInstance): boolean {
  return node.multiInstance !== undefined && element.multiInstanceBody !== true;
}

/** The enclosing scope, or for a called process instance the call activity that called it. */
function outerScope(ctx: ProcessingContext, element: ElementInstance): ElementInstance | undefined {
  if (element.flowScopeKey !== -1) return ctx.state.elementInstances.get(element.flowScopeKey);
  const caller = element.parentElementInstanceKey;
  return caller !== undefined && caller >= 0 ? ctx.state.elementInstances.get(caller) : undefined;
}
