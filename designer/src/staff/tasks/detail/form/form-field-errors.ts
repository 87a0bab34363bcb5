/**
 * Field errors of a task's form, from our validator (`forms/`, which knows the component) or from the server's
 * problem+json (which names the value's place, `/data/dogs/1/breed`), brought to the component they belong to, so
 * form-js can show them at their field and the error summary can link to it.
 */
import { compileForm, type CompiledForm, type FieldError, type FormSchema } from '../../../../../../forms/index.js';
import type { FieldProblem } from '../../../../shared/http/api-problem.js';

export interface FormFieldProblem {
  /** The component's id in the schema; undefined when the problem names no field. */
  componentId: string | undefined;
  /** The positions in the dynamic lists around the field (form-js's `indexes`), outermost first. */
  indexes: number[];
  message: string;
}

type CompiledNode = CompiledForm['root']['children'][number];

/** Every component by the path of its value without list positions: `owner.email`, `dogs.breed`. */
export function componentsByPath(schema: FormSchema): Map<string, string> {
  const byPath = new Map<string, string>();
  const visit = (node: CompiledNode, prefix: readonly string[]) => {
    if (node.kind === 'input') {
      byPath.set([...prefix, ...node.keyPath].join('.'), node.id);
      return;
    }
    const inner = [...prefix, ...node.path];
    if (node.path.length > 0) byPath.set(inner.join('.'), node.id);
    for (const child of node.children) visit(child, inner);
  };
  for (const child of compileForm(schema).root.children) visit(child, []);
  return byPath;
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

/** The server's field errors: pointers into the request body (`/data/...`). */
export function fromServer(errors: readonly FieldProblem[], byPath: ReadonlyMap<string, string>): FormFieldProblem[] {
  return errors.map((error) => {
    const segments = error.pointer.split('/').slice(1).map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
    const { path, indexes } = splitPath(segments[0] === 'data' ? segments.slice(1) : segments);
    return { componentId: byPath.get(path), indexes, message: error.detail };
  });
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

/** The DOM id form-js gives a field's input (`prefixId` in form-js-viewer), for links from the error summary. */
export function fieldDomId(formInstanceId: string, problem: FormFieldProblem): string | undefined {
  if (problem.componentId === undefined) return undefined;
  return [`fjs-form-${formInstanceId}-${problem.componentId}`, ...problem.indexes].join('_');
}
