/**
 * form-js's `ConditionChecker.applyConditions`: the data without the values of hidden fields. Every condition is
 * evaluated against the unfiltered data (inside a dynamic list against the item: `this`, `parent`, `i`); a hidden
 * field's value is removed, and so is a container left empty by that.
 */
import type { CompiledForm, CompiledNode } from '../compile/compiled-form.js';
import { isPlainObject, type JsonObject } from '../data/json-value.js';
import { getPath, type PathSegment, type ValuePath } from '../data/value-path.js';
import { ScopeContext, type FeelContext } from '../feel/expression-context.js';
import type { SpecialNames } from '../feel/special-names.js';

interface ConditionScope {
  readonly self: unknown;
  readonly parent: unknown;
  readonly indexes: readonly number[];
  context?: FeelContext;
}

export function withoutHiddenValues(form: CompiledForm, data: JsonObject, special: SpecialNames): JsonObject {
  const walk = new HiddenFieldWalk(data, special);
  walk.visit(form.root.children, { self: data, parent: null, indexes: [] }, [], false);
  const { hidden } = walk;
  if (hidden.length === 0) return data;
  // form-js clears a clone of the data; copying just the containers on the way is the same and cheaper
  const working = Object.assign({}, data);
  const copies = new WeakSet<object>([working]);
  for (const path of hidden) clearCleanly(working, path, copies);
  return working;
}

/** Collects the paths of hidden fields and lists (a class, not closures: this runs once per validation and round). */
class HiddenFieldWalk {
  readonly hidden: ValuePath[] = [];

  constructor(
    private readonly data: JsonObject,
    private readonly special: SpecialNames,
  ) {}

  visit(nodes: readonly CompiledNode[], scope: ConditionScope, prefix: PathSegment[], inheritedHidden: boolean): void {
    for (const node of nodes) {
      const isHidden = inheritedHidden || (node.hide !== undefined && node.hide.test(this.contextOf(scope), this.special) === true);
      if (node.kind === 'input') {
        if (isHidden) this.hidden.push(prefix.length === 0 ? node.keyPath : [...prefix, ...node.keyPath]);
      } else if (node.kind === 'group') {
        this.visit(node.children, scope, [...prefix, ...node.path], isHidden);
      } else {
        const path = [...prefix, ...node.path];
        if (isHidden) {
          this.hidden.push(path);
          continue;
        }
        const items = getPath(this.data, path);
        if (!Array.isArray(items)) continue;
        for (let index = 0; index < items.length; index++) {
          if (!(index in items)) continue;
          const itemScope: ConditionScope = { self: items[index], parent: scope.self, indexes: [...scope.indexes, index + 1] };
          this.visit(node.children, itemScope, [...path, index], false);
        }
      }
    }
  }

  private contextOf(scope: ConditionScope): FeelContext {
    return (scope.context ??= new ScopeContext([this.data], () => scope.self, () => scope.parent, scope.indexes));
  }
}

/** form-js's `_cleanlyClearDataAtPath`, with min-dash `set`'s habit of making the containers it passes through. */
function clearCleanly(data: JsonObject, path: ValuePath, copies: WeakSet<object>): void {
  const working = [...path];
  do {
    unset(data, working, copies);
    working.pop();
    const parent = getPath(data, working);
    const empty =
      (isPlainObject(parent) && Object.keys(parent).length === 0) ||
      (Array.isArray(parent) && (parent.length === 0 || parent.every((item) => item === undefined)));
    if (!(working.length > 0 && empty)) return;
  } while (working.length > 0);
}

/** Deletes at `path`, copying every container on the way that is not a copy already. */
function unset(data: JsonObject, path: ValuePath, copies: WeakSet<object>): void {
  let current: Record<PathSegment, unknown> = data;
  for (let i = 0; i < path.length - 1; i++) {
    let next = current[path[i]];
    if (next === null || next === undefined) {
      next = current[path[i]] = typeof path[i + 1] === 'number' || !Number.isNaN(Number(path[i + 1])) ? [] : {};
      copies.add(next as object);
    }
    if (typeof next !== 'object' || next === null) return;
    if (!copies.has(next)) {
      next = current[path[i]] = Array.isArray(next) ? next.slice() : Object.assign({}, next);
      copies.add(next as object);
    }
    current = next as Record<PathSegment, unknown>;
  }
  delete current[path[path.length - 1]];
}
