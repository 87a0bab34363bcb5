/**
 * Test support, Node only, run inside the oracle's worker thread: form-js's viewer for one form, reused for many
 * runs. Each run empties the form, opens its state with the input data (`initialData`), fills in the submission's
 * values as a user would have typed them, lets the components settle and calls `submit()`. Expression fields are
 * recomputed until nothing changes (form-js recomputes them on each user change), and a field that renders
 * read-only gets back the value the form opened with (a user cannot type into it).
 */
import { formatPath, type PathSegment } from '../data/value-path.js';
import { domEnvironment, type DomEnvironment } from './dom-environment.js';

export interface UploadedTestFile {
  readonly name: string;
  readonly type: string;
}

export interface OracleVerdict {
  /** What `submit()` returned; undefined when the viewer crashed. */
  readonly data?: Record<string, unknown>;
  /** form-js's messages by data path (`dogs[1].breed`). */
  readonly errors: ReadonlyMap<string, readonly string[]>;
  /** Why the viewer crashed, when it did. */
  readonly crash?: string;
}

interface FieldInstance {
  id: string;
  valuePath: PathSegment[];
  indexes?: Record<string, number>;
  expressionContextInfo: unknown;
}

interface Viewer {
  importSchema(schema: unknown, data?: unknown): Promise<unknown>;
  submit(): { data: Record<string, unknown>; errors: Record<string, unknown> };
  destroy(): void;
  on(event: string, handler: (...args: unknown[]) => void): void;
  off(event: string, handler: (...args: unknown[]) => void): void;
  get(service: string): any;
  _getState(): { data: Record<string, unknown>; initialData: Record<string, unknown> };
  _setState(state: Record<string, unknown>): void;
  _getInitializedFieldData(data: unknown): Record<string, unknown>;
}

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

export class ViewerSession {
  private viewer?: Viewer;
  private container?: HTMLElement;

  private constructor(
    private readonly environment: DomEnvironment,
    private readonly schema: unknown,
  ) {}

  /** Runs since the viewer was created: the viewer adds an event listener on every render, so it is renewed now and then. */
  private runs = 0;

  static async open(schema: unknown): Promise<ViewerSession> {
    const session = new ViewerSession(domEnvironment(), schema);
    await session.reopen();
    return session;
  }

  close(): void {
    this.viewer?.destroy();
    this.container?.remove();
    this.viewer = undefined;
  }

  /** The viewer's verdict on the form opened with `input` and filled in with `values` (no unknown keys). */
  async run(input: Record<string, unknown>, values: Record<string, unknown>, files: Record<string, UploadedTestFile[]> = {}): Promise<OracleVerdict> {
    if (this.viewer === undefined || ++this.runs % 25 === 0) await this.reopen();
    const viewer = this.viewer!;
    try {
      // every run starts from the empty form, so that no component keeps state from the run before
      const empty = viewer._getInitializedFieldData({});
      viewer._setState({ initialData: empty, data: clone(empty), errors: {} });
      await this.settle();
      this.environment.takeCrashes();
      const initialData = viewer._getInitializedFieldData(clone(input));
      let data = viewer._getInitializedFieldData(deepMerge(clone(input), clone(values)));
      const registry = viewer.get('fileRegistry');
      registry.clear();
      for (const [key, list] of Object.entries(files)) {
        registry.setFiles(key, list.map((file) => new this.environment.window.File(['x'], file.name, { type: file.type })));
      }
      viewer._setState({ initialData, data, errors: {} });
      await this.settleExpressions();
      for (let attempt = 0; attempt < 3 && this.restoreReadonly(initialData); attempt++) await this.settleExpressions();
      this.throwCrash();
      const result = viewer.submit();
      this.throwCrash();
      data = clone(result.data);
      return { data, errors: this.errorsByPath(result.errors) };
    } catch (error) {
      this.close();
      return { errors: new Map(), crash: error instanceof Error ? error.message : String(error) };
    }
  }

  private async reopen(): Promise<void> {
    this.close();
    const { window } = this.environment;
    this.container = window.document.createElement('div');
    window.document.body.appendChild(this.container);
    const { Form } = this.environment.viewer;
    this.viewer = new Form({ container: this.container, debounce: false } as never) as unknown as Viewer;
    await this.viewer.importSchema(this.schema, {});
    await this.settle();
    this.environment.takeCrashes();
  }

  private throwCrash(): void {
    const [crash] = this.environment.takeCrashes();
    if (crash !== undefined) throw crash;
  }

  /** Waits until rendering and effects stop changing the form state. */
  private async settle(): Promise<void> {
    const viewer = this.viewer!;
    let changes = 0;
    const count = () => changes++;
    viewer.on('changed', count);
    try {
      let quiet = 0;
      for (let round = 0; quiet < 2; round++) {
        if (round === 2000) throw new Error('the viewer never settles: its components keep changing the data');
        const before = changes;
        await new Promise((resolve) => setTimeout(resolve, 0));
        quiet = changes === before && this.environment.pendingWork() === 0 ? quiet + 1 : 0;
      }
    } finally {
      viewer.off('changed', count);
    }
  }

  /** form-js computes each expression field once per user change; changes are repeated until the data holds still. */
  private async settleExpressions(): Promise<void> {
    const viewer = this.viewer!;
    const eventBus = viewer.get('eventBus');
    for (let round = 0; round < 8; round++) {
      const before = JSON.stringify(viewer._getState().data);
      eventBus.fire('field.updated', {});
      viewer._setState({});
      await this.settle();
      this.throwCrash();
      if (round > 0 && JSON.stringify(viewer._getState().data) === before) return;
    }
  }

  /** Puts back the opening value of every field rendered read-only; whether any changed. */
  private restoreReadonly(initialData: Record<string, unknown>): boolean {
    const viewer = this.viewer!;
    const { viewer: formJs } = this.environment;
    const fields = viewer.get('formFieldRegistry');
    const expressionLanguage = viewer.get('expressionLanguage');
    const data = clone(viewer._getState().data);
    let changed = false;
    for (const instance of viewer.get('formFieldInstanceRegistry').getAllKeyed() as FieldInstance[]) {
      const field = fields.get(instance.id);
      const readonly = expressionLanguage.isExpression(field.readonly)
        ? expressionLanguage.evaluateUnaryTest(field.readonly, formJs.buildExpressionContext(instance.expressionContextInfo as never)) === true
        : Boolean(field.readonly);
      if (!readonly || !expressionLanguage.isExpression(field.readonly)) continue;
      let opening = get(initialData, instance.valuePath);
      if (opening === undefined) opening = field.defaultValue !== undefined ? field.defaultValue : emptyValue(field.type);
      if (JSON.stringify(get(data, instance.valuePath)) === JSON.stringify(opening)) continue;
      set(data, instance.valuePath, clone(opening));
      changed = true;
    }
    if (changed) viewer._setState({ data });
    return changed;
  }

  private errorsByPath(errors: Record<string, unknown>): Map<string, string[]> {
    const byPath = new Map<string, string[]>();
    for (const instance of this.viewer!.get('formFieldInstanceRegistry').getAllKeyed() as FieldInstance[]) {
      const messages = get(errors, [instance.id, ...Object.values(instance.indexes ?? {})]);
      if (Array.isArray(messages) && messages.length > 0) byPath.set(formatPath(instance.valuePath), messages as string[]);
    }
    return byPath;
  }
}

function emptyValue(type: string): unknown {
  return ({ checkbox: false, checklist: [], taglist: [], textfield: '', textarea: '' } as Record<string, unknown>)[type] ?? null;
}

/** The form's data as a user leaves it: the input, with every value the user set put in its place (lists item by item). */
export function deepMerge(base: unknown, over: unknown): any {
  if (over === undefined) return base;
  if (Array.isArray(over)) return over.map((item, index) => deepMerge(Array.isArray(base) ? base[index] : undefined, item));
  if (isObject(base) && isObject(over)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) merged[key] = deepMerge(base[key], value);
    return merged;
  }
  return over;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

function get(target: unknown, path: readonly PathSegment[]): unknown {
  let current = target;
  for (const segment of path) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

function set(target: Record<string, unknown>, path: readonly PathSegment[], value: unknown): void {
  let current: Record<PathSegment, unknown> = target;
  for (let i = 0; i < path.length - 1; i++) {
    current[path[i]] ??= typeof path[i + 1] === 'number' ? [] : {};
    current = current[path[i]] as Record<PathSegment, unknown>;
  }
  current[path[path.length - 1]] = value;
}
