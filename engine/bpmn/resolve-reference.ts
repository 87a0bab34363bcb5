import { childElement, elementLabel, type ModdleElement, type UnresolvedReferences } from '../xml/index.js';
/** A reference attribute (`default`, `messageRef`, `attachedToRef`, ...) → the element it names, or why it names none. */

export type Reference =
  | { status: 'found'; element: ModdleElement }
  | { status: 'absent' }
  | { status: 'invalid'; problem: string };

/** `expected` is the moddle type the attribute must name, `description` how a message calls it ("a message"). */
export function resolveReference(
  holder: ModdleElement, attribute: string, expected: { type: string; description: string }, unresolvedReferences: UnresolvedReferences,
): Reference {
  const element = childElement(holder, attribute);
  if (element?.$instanceOf(expected.type)) return { status: 'found', element };
  if (element) {
    return { status: 'invalid', problem: `Attribute '${attribute}' must refer to ${expected.description}, but '${elementLabel(element)}' is a ${element.$type}` };
  }
  const unresolved = unresolvedReferences.get(holder)?.get(`bpmn:${attribute}`);
  return unresolved === undefined
    ? { status: 'absent' }
    : { status: 'invalid', problem: `Attribute '${attribute}' refers to unknown element '${unresolved}'` };
}
