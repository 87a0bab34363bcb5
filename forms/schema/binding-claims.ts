/**
 * form-js's rules for the data paths of a form (`PathRegistry`), which refuse to open a form that breaks them: a
 * field's key is a leaf no other path may pass through or claim again; a group's path may be shared; a dynamic
 * list's path is claimed once and only its own children may bind below it.
 */

interface ClaimNode {
  readonly children: Map<string, ClaimNode>;
  closed: boolean;
  /** The dynamic list that claimed this path. */
  repeater?: string;
}

export type ClaimKind = 'field' | 'group' | 'list';

export class BindingClaims {
  private readonly root: ClaimNode = { children: new Map(), closed: false };
  /** The first segment of every claimed path. */
  readonly roots = new Set<string>();

  /** Claims `path` for a component inside the dynamic lists `repeaters`; the reason it cannot, if it cannot. */
  claim(path: readonly string[], kind: ClaimKind, owner: string, repeaters: readonly string[]): string | undefined {
    let node = this.root;
    let existing = true;
    for (const segment of path) {
      const next = existing ? node.children.get(segment) : undefined;
      if (next === undefined) {
        existing = false;
        const created: ClaimNode = { children: new Map(), closed: false };
        node.children.set(segment, created);
        node = created;
        continue;
      }
      if (next.repeater !== undefined && next.repeater !== owner && !repeaters.includes(next.repeater)) {
        return `'${path.join('.')}' lies inside the dynamic list of '${next.repeater}'`;
      }
      if (next.closed) return `'${path.join('.')}' is already bound to a field`;
      node = next;
    }
    if (existing && kind !== 'group') return `'${path.join('.')}' is already claimed by another component`;
    if (kind === 'field') node.closed = true;
    if (kind === 'list') node.repeater = owner;
    if (path.length > 0) this.roots.add(path[0]);
    return undefined;
  }
}
