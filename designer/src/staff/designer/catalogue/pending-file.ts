/** A file the user picked on the overview, handed to the editor page it opens (one at a time, taken once). */
let pending: { kind: 'bpmn' | 'form'; content: string } | undefined;

export function handOver(kind: 'bpmn' | 'form', content: string) {
  pending = { kind, content };
}

export function takeHandedOver(kind: 'bpmn' | 'form'): string | undefined {
  if (pending?.kind !== kind) return undefined;
  const { content } = pending;
  pending = undefined;
  return content;
}
