/**
 * The data a FEEL expression of a form sees, as form-js builds it (`buildExpressionContext`): the scope's special
 * names `this`, `parent` and `i`, then the form data (a data key of the same name wins), then the special names
 * again as `_this_`, `_parent_`, `_i_`, which no data key hides.
 */
import type { FeelContext } from './compiled-expression.js';

/** form-js's `LocalExpressionContext`: the whole data, the scope's own data, its parent scope, 1-based indexes. */
export interface ScopeInfo {
  readonly data: Record<string, unknown>;
  readonly this: unknown;
  readonly parent: unknown;
  readonly i: readonly number[];
}

export function expressionContextOf(scope: ScopeInfo): FeelContext {
  return {
    this: scope.this,
    parent: scope.parent,
    i: scope.i,
    ...scope.data,
    _this_: scope.this,
    _parent_: scope.parent,
    _i_: scope.i,
  };
}
