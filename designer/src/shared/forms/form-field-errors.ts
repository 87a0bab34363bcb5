/**
 * Field errors of a form (a task's in the staff app, a service's in the portal), from our validator (`forms/`, which knows the component) or from the server's
 * problem+json (which names the value's place, `/data/dogs/1/breed`), brought to the component they belong to, so
 * form-js can show them at their field and the error summary can link to it.
 */
import type { FieldError } from '../../../../forms/index.js';
import type { FieldProblem } from '../http/api-problem.js';

export interface FormFieldProblem {
  /** The component's id in the schema; undefined when the problem names no field. */
  componentId: string | undefined;
  /** The positions in the dynamic lists around the field (form-js's `indexes`), outermost first. */
  indexes: number[];
  message: string;
}

interface SchemaComponent {
  id?: string;
  type?: string;
  subtype?: string;
  key?: string;
  path?: string;
  components?: SchemaComponent[];
}

/** What the error summary needs of a field: the text that names it, and how form-js's id of its input ends. */
export interface SummaryField {
  label: string | undefined;
  /** A date-time field's first input (its date input, or its time input alone) has an id of its own: `…-date`. */
  inputIdSuffix: string;
}

/** The text that names a field to the user: its label, or (a datetime field has none) its date or time input's. */
export function componentLabel(component: object): string | undefined {
  const { label, dateLabel, timeLabel } = component as Record<'label' | 'dateLabel' | 'timeLabel', unknown>;
  return [label, dateLabel, timeLabel].find((each): each is string => typeof each === 'string' && each !== '');
}

/** Visits every component with the path its value has (without list positions), as form-js binds it. */
function visitComponents(schema: Record<string, unknown>, visit: (component: SchemaComponent, path: readonly string[]) => void): void {
  const walk = (components: readonly SchemaComponent[] | undefined, prefix: readonly string[]) => {
    for (const component of components ?? []) {
      const own = component.key ?? component.path;
      const inner = own ? [...prefix, ...own.split('.')] : prefix;
      visit(component, inner);
      walk(component.components, inner);
    }
  };
  walk((schema as SchemaComponent).components, []);
}

/**
 * Every component by the path of its value without list positions: `owner.email`, `dogs.breed`. Read from the
 * schema as form-js binds it (a `key` or a group's `path` may be dotted).
 */
export function componentsByPath(schema: Record<string, unknown>): Map<string, string> {
  const byPath = new Map<string, string>();
  visitComponents(schema, (component, path) => {
    if (component.id && (component.key ?? component.path)) byPath.set(path.join('.'), component.id);
  });
  return byPath;
}

/** The components by id as the error summary names them and links to them. */
export function summaryFields(schema: Record<string, unknown>): Map<string, SummaryField> {
  const fields = new Map<string, SummaryField>();
  visitComponents(schema, (component) => {
    if (!component.id) return;
    const inputIdSuffix = component.type !== 'datetime' ? '' : component.subtype === 'time' ? '-time' : '-date';
    fields.set(component.id, { label: componentLabel(component), inputIdSuffix });
  });
  return fields;
}

/** `dogs[1].breed` → segments `dogs`, `breed` and indexes `[1]`. */
function splitPath(segments: readonly string[]): { path: string; indexes: number[] } {
  const names: string[] = [];
  const indexes: number[] = [];
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) indexes.push(Number(segment));
    else names.push(segment);
  }
  return { path: names.join('.'), indexes };
}

export function fromValidator(errors: readonly FieldError[]): FormFieldProblem[] {
  return errors.map((error) => ({
    componentId: error.componentId.startsWith('/') ? undefined : error.componentId,
    indexes: splitPath(error.path.split(/[.[\]]/).filter(Boolean)).indexes,
    message: error.message,
  }));
}

/**
 * The server's field errors: pointers into the request body, `/data/...` for a value, `/files/<key>` for a file it
 * refused, which belongs to the file picker whose value in `data` is that key.
 */
export function fromServer(errors: readonly FieldProblem[], byPath: ReadonlyMap<string, string>, data: unknown = {}): FormFieldProblem[] {
  return errors.map((error) => {
    const segments = error.pointer.split('/').slice(1).map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
    const inData = segments[0] === 'data' ? segments.slice(1) : segments[0] === 'files' ? placeOf(data, segments[1] ?? '') : undefined;
    const { path, indexes } = splitPath(inData ?? segments);
    return { componentId: byPath.get(path), indexes, message: error.detail };
  });
}

/** Where in the data a value stands (`documents`, `dogs`, `0`, `photo`), if it does. */
function placeOf(data: unknown, value: string, at: readonly string[] = []): string[] | undefined {
  if (data === value) return [...at];
  if (typeof data !== 'object' || data === null) return undefined;
  for (const [name, inner] of Object.entries(data)) {
    const found = placeOf(inner, value, [...at, name]);
    if (found) return found;
  }
  return undefined;
}

/** The problems as form-js keeps them in its state: by component id, then by list position, a list of messages. */
export function formJsErrors(problems: readonly FormFieldProblem[]): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const problem of problems) {
    if (problem.componentId === undefined) continue;
    let holder: Record<string, unknown> = errors;
    const keys = [problem.componentId, ...problem.indexes.map(String)];
    for (const key of keys.slice(0, -1)) holder = (holder[key] ??= {}) as Record<string, unknown>;
    const last = keys[keys.length - 1];
    holder[last] = [...((holder[last] as string[] | undefined) ?? []), problem.message];
  }
  return errors;
}

/** The id of the form-js form that renders a component (one form, or the portal's form in sections). */
export type FormIdOf = (componentId: string) => string;

/** The DOM id form-js gives a field's input (`prefixId` in form-js-viewer), for links from the error summary. */
export function fieldDomId(formIdOf: FormIdOf, problem: FormFieldProblem, inputIdSuffix = ''): string | undefined {
  if (problem.componentId === undefined) return undefined;
  return [`fjs-form-${formIdOf(problem.componentId)}-${problem.componentId}`, ...problem.indexes].join('_') + inputIdSuffix;
}

/** The error summary's entries: each problem named by its field's label (and list position), linked to its input. */
export function summaryEntries(problems: readonly FormFieldProblem[], fields: ReadonlyMap<string, SummaryField>, formIdOf: FormIdOf): { fieldId: string | undefined; message: string }[] {
  return problems.map((problem) => {
    const field = problem.componentId === undefined ? undefined : fields.get(problem.componentId);
    const position = problem.indexes.length > 0 ? ` (${problem.indexes.map((index) => index + 1).join('.')})` : '';
    return { fieldId: fieldDomId(formIdOf, problem, field?.inputIdSuffix), message: field?.label ? `${field.label}${position}: ${problem.message}` : problem.message };
  });
}
