/**
 * Which fields form-js shows, each with the FEEL scope it renders in (`FormField`, `RepeatRenderManager`): a field
 * is hidden when its `conditional.hide` holds in its scope; the root scope sees the input data overlaid with the
 * data without hidden values; a dynamic list item's scope sees the item as `this`, the enclosing scope as `parent`
 * and its 1-based position in `i`. Only shown fields are validated and submitted.
 */
import type { CompiledForm, CompiledGroup, CompiledInput, CompiledList, CompiledNode } from '../compile/compiled-form.js';
import type { JsonObject } from '../data/json-value.js';
import { getPath, pointerOf, type PathSegment } from '../data/value-path.js';
import type { FeelContext } from '../feel/compiled-expression.js';
import { expressionContextOf, type ScopeInfo } from '../feel/expression-context.js';
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

class LazyScope implements FieldScope {
  private built?: FeelContext;
  constructor(readonly info: ScopeInfo, readonly special: SpecialNames) {}
  context(): FeelContext {
    return (this.built ??= expressionContextOf(this.info));
  }
}

export function showForm(form: CompiledForm, data: JsonObject, initialData: JsonObject, special: SpecialNames): ShownForm {
  const visibleData = { ...initialData, ...withoutHiddenValues(form, data, special) };
  const shown: ShownForm = { fields: [], containers: [] };
  const visit = (nodes: readonly CompiledNode[], scope: LazyScope, prefix: PathSegment[]): void => {
    for (const node of nodes) {
      if (node.hide !== undefined && node.hide.test(scope.context(), special) === true) continue;
      if (node.kind === 'input') {
        const path = [...prefix, ...node.keyPath];
        shown.fields.push({ field: node, path, pointer: pointerOf(path), scope });
        continue;
      }
      const path = [...prefix, ...node.path];
      if (node.kind === 'group') {
        if (node.path.length > 0) shown.containers.push({ node, path, pointer: pointerOf(path), items: 0 });
        visit(node.children, scope, path);
        continue;
      }
      const items = getPath(data, path);
      const list = Array.isArray(items) ? items : [];
      shown.containers.push({ node, path, pointer: pointerOf(path), items: list.length });
      const { info } = scope;
      let parent: FeelContext | undefined;
      list.forEach((item, index) => {
        parent ??= expressionContextOf({ ...info, data: info.this as Record<string, unknown> });
        const itemScope = new LazyScope({ data: info.data, this: item, parent, i: [...info.i, index + 1] }, special);
        visit(node.children, itemScope, [...path, index]);
      });
    }
  };
  visit(form.root.children, new LazyScope({ data: visibleData, this: visibleData, parent: null, i: [] }, special), []);
  return shown;
}
