/**
 * The data a FEEL expression of a form sees, as form-js builds it (`buildExpressionContext`): the scope's special
 * names `this`, `parent` and `i`, then the form data (a data key of the same name wins), then the special names
 * again as `_this_`, `_parent_`, `_i_`, which no data key hides. Looked up name by name rather than copied: a form
 * evaluates many expressions in many scopes, each reading a few names.
 */

export interface FeelContext {
  /** The value of a name, undefined where there is none. */
  get(name: string): unknown;
  has(name: string): boolean;
  /** The whole context as one object, for feelin to parse and evaluate with. */
  toObject(): Record<string, unknown>;
}

type Lazy = () => unknown;

const SCOPE_NAMES: ReadonlySet<string> = new Set(['this', 'parent', 'i', '_this_', '_parent_', '_i_']);

export class ScopeContext implements FeelContext {
  private whole?: Record<string, unknown>;

  /**
   * `layers`: the form data, the first layer holding a name wins (form-js spreads the later ones over the earlier
   * ones). `self` and `parent` are computed when first read.
   */
  constructor(
    private readonly layers: readonly Record<string, unknown>[],
    private readonly self: Lazy,
    private readonly parent: Lazy,
    private readonly indexes: readonly number[],
  ) {}

  get(name: string): unknown {
    if (name === '_this_') return this.self();
    if (name === '_parent_') return this.parent();
    if (name === '_i_') return this.indexes;
    for (const layer of this.layers) if (Object.hasOwn(layer, name)) return layer[name];
    if (name === 'this') return this.self();
    if (name === 'parent') return this.parent();
    if (name === 'i') return this.indexes;
    return undefined;
  }

  has(name: string): boolean {
    if (SCOPE_NAMES.has(name)) return true;
    for (const layer of this.layers) if (Object.hasOwn(layer, name)) return true;
    return false;
  }

  toObject(): Record<string, unknown> {
    if (this.whole === undefined) {
      const data: Record<string, unknown> = {};
      for (let i = this.layers.length - 1; i >= 0; i--) Object.assign(data, this.layers[i]);
      const self = this.self();
      const parent = this.parent();
      this.whole = { this: self, parent, i: this.indexes, ...data, _this_: self, _parent_: parent, _i_: this.indexes };
    }
    return this.whole;
  }
}

/** The names of one object, and nothing else. */
export class PlainContext implements FeelContext {
  constructor(private readonly values: Record<string, unknown>) {}

  get(name: string): unknown {
    return Object.hasOwn(this.values, name) ? this.values[name] : undefined;
  }

  has(name: string): boolean {
    return Object.hasOwn(this.values, name);
  }

  toObject(): Record<string, unknown> {
    return this.values;
  }
}

/** Memoises a computation; `lazy(() => x)` runs it at most once. */
export function lazy(compute: () => unknown): Lazy {
  let done = false;
  let value: unknown;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
