/**
 * Which fields form-js shows, each with the FEEL scope it renders in (`FormField`, `RepeatRenderManager`): a field
 * is hidden when its `conditional.hide` holds in its scope; the root scope sees the input data overlaid with the
 * data without hidden values; a dynamic list item's scope sees the item as `this`, the enclosing scope as `parent`
 * and its 1-based position in `i`. Only shown fields are validated and submitted.
 */
import type { CompiledForm, CompiledGroup, CompiledInput, CompiledList, CompiledNode } from '../compile/compiled-form.js';
import type { JsonObject } from '../data/json-value.js';
import { getPath, type PathSegment } from '../data/value-path.js';
import { lazy, ScopeContext, type FeelContext } from '../feel/expression-context.js';
import type { SpecialNames } from '../feel/special-names.js';
import type { FieldScope } from '../fields/field-behaviour.js';
import { withoutHiddenValues } from './hide-conditions.js';

export interface ShownField {
  readonly field: CompiledInput;
  readonly path: readonly PathSegment[];
  readonly pointer: string;
  readonly scope: FieldScope;
}

export interface ShownContainer {
  readonly node: CompiledGroup | CompiledList;
  readonly path: readonly PathSegment[];
  readonly pointer: string;
  /** For a dynamic list: how many items it shows. */
  readonly items: number;
}

export interface ShownForm {
  readonly fields: ShownField[];
  readonly containers: ShownContainer[];
}

/** form-js's `LocalExpressionContext`: the data (in layers, see `ScopeContext`), `this`, `parent`, `i`. */
interface ScopeInfo {
  readonly layers: readonly Record<string, unknown>[];
  readonly self: () => unknown;
  readonly parent: () => unknown;
  readonly i: readonly number[];
}

class FieldScopeContext implements FieldScope {
  private built?: FeelContext;
  constructor(readonly info: ScopeInfo, readonly special: SpecialNames) {}
  context(): FeelContext {
    return (this.built ??= new ScopeContext(this.info.layers, this.info.self, this.info.parent, this.info.i));
  }
}

export function showForm(form: CompiledForm, data: JsonObject, initialData: JsonObject, special: SpecialNames): ShownForm {
  // form-js's root scope: the data without hidden values, spread over the data the form opened with
  const layers = [withoutHiddenValues(form, data, special), initialData];
  const visibleData = lazy(() => ({ ...initialData, ...layers[0] }));
  const walk = new ShownFieldWalk(data, special);
  walk.visit(form.root.children, new FieldScopeContext({ layers, self: visibleData, parent: noParent, i: [] }, special), [], '');
  return walk.shown;
}

const noParent = constant(null);

/** A function that returns the value (made here, not where it is used: tsx names every closure made in a property). */
function constant(value: unknown): () => unknown {
  return () => value;
}

/** Collects the shown fields and containers (a class, not closures: this runs once per validation and round). */
class ShownFieldWalk {
  readonly shown: ShownForm = { fields: [], containers: [] };

  constructor(
    private readonly data: JsonObject,
    private readonly special: SpecialNames,
  ) {}

  visit(nodes: readonly CompiledNode[], scope: FieldScopeContext, prefix: readonly PathSegment[], at: string): void {
    const { shown, special } = this;
    for (const node of nodes) {
      if (node.hide !== undefined && node.hide.test(scope.context(), special) === true) continue;
      const pointer = at + node.pointer;
      if (node.kind === 'input') {
        shown.fields.push({ field: node, path: prefix.length === 0 ? node.keyPath : [...prefix, ...node.keyPath], pointer, scope });
        continue;
      }
      const path = prefix.length === 0 ? node.path : [...prefix, ...node.path];
      if (node.kind === 'group') {
        if (node.path.length > 0) shown.containers.push({ node, path, pointer, items: 0 });
        this.visit(node.children, scope, path, pointer);
        continue;
      }
      const items = getPath(this.data, path);
      const list = Array.isArray(items) ? items : [];
      shown.containers.push({ node, path, pointer, items: list.length });
      const { info } = scope;
      // an item's `parent` is the enclosing scope as one object, with that scope's `this` as its data
      const parent = lazy(() => new ScopeContext([info.self() as Record<string, unknown>], info.self, info.parent, info.i).toObject());
      for (let index = 0; index < list.length; index++) {
        if (!(index in list)) continue;
        const itemScope = new FieldScopeContext({ layers: info.layers, self: constant(list[index]), parent, i: [...info.i, index + 1] }, special);
        this.visit(node.children, itemScope, [...path, index], `${pointer}/${index}`);
      }
    }
  }
}
