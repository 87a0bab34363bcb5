/** A file the user picked on the overview, handed to the editor page it opens (one at a time, taken once). */
export type FileKind = 'bpmn' | 'form' | 'dmn';

let pending: { kind: FileKind; content: string } | undefined;

export function handOver(kind: FileKind, content: string) {
  pending = { kind, content };
}

export function takeHandedOver(kind: FileKind): string | undefined {
  if (pending?.kind !== kind) return undefined;
  const { content } = pending;
  pending = undefined;
  return content;
}
