/**
 * The static part of a form's rules as JSON Schema: where a submission must hold an object (a group), a list of
 * objects (a dynamic list) or a value of a field's type, and how long text and lists may be. Unknown keys are allowed
 * here (they are dropped later), and a problem counts only where the field is shown. Checked by
 * `json-schema-check.ts`, compiled once per form.
 */
import type { CompiledForm, CompiledInput, CompiledNode, Limits } from './compiled-form.js';
import { compileSchemaCheck } from './json-schema-check.js';

export interface ShapeProblem {
  /** The JSON Schema keyword the value broke: `type`, `maxLength`, `maxItems`, ... */
  readonly keyword: string;
  readonly limit?: number;
}

export interface SubmissionShape {
  readonly jsonSchema: object;
  /** Problems by JSON pointer into the submission (`/owner/email`, `/dogs/1/breed`); empty when it fits. */
  check(submission: unknown): ReadonlyMap<string, readonly ShapeProblem[]>;
}

type ShapeNode =
  | { kind: 'object'; properties: Map<string, ShapeNode> }
  | { kind: 'list'; item: ShapeNode & { kind: 'object' } }
  | { kind: 'value'; schema: object };

export function compileSubmissionShape(root: CompiledForm['root'], limits: Limits): SubmissionShape {
  const tree: ShapeNode & { kind: 'object' } = { kind: 'object', properties: new Map() };
  addChildren(tree, root.children, limits);
  const jsonSchema = toJsonSchema(tree, limits);
  const checkSchema = compileSchemaCheck(jsonSchema);
  return {
    jsonSchema,
    check(submission) {
      const problems = new Map<string, ShapeProblem[]>();
      for (const { pointer, keyword, limit } of checkSchema(submission)) {
        const problem: ShapeProblem = limit === undefined ? { keyword } : { keyword, limit };
        const list = problems.get(pointer);
        if (list === undefined) problems.set(pointer, [problem]);
        else list.push(problem);
      }
      return problems;
    },
  };
}

function objectAt(node: ShapeNode & { kind: 'object' }, path: readonly string[]): ShapeNode & { kind: 'object' } {
  let current = node;
  for (const segment of path) {
    let next = current.properties.get(segment);
    if (next === undefined) {
      next = { kind: 'object', properties: new Map() };
      current.properties.set(segment, next);
    }
    // the schema check guarantees that binding paths do not cross values or lists
    current = next as ShapeNode & { kind: 'object' };
  }
  return current;
}

function addChildren(node: ShapeNode & { kind: 'object' }, children: readonly CompiledNode[], limits: Limits): void {
  for (const child of children) {
    if (child.kind === 'group') addChildren(objectAt(node, child.path), child.children, limits);
    else if (child.kind === 'list') {
      const item: ShapeNode & { kind: 'object' } = { kind: 'object', properties: new Map() };
      const parent = objectAt(node, child.path.slice(0, -1));
      parent.properties.set(child.path[child.path.length - 1], { kind: 'list', item });
      addChildren(item, child.children, limits);
    } else if (child.editable) addValue(node, child, limits);
  }
}

function addValue(node: ShapeNode & { kind: 'object' }, input: CompiledInput, limits: Limits): void {
  const parent = objectAt(node, input.keyPath.slice(0, -1));
  parent.properties.set(input.keyPath[input.keyPath.length - 1], { kind: 'value', schema: input.behaviour.submittedSchema(input, limits) });
}

function toJsonSchema(node: ShapeNode, limits: Limits): object {
  switch (node.kind) {
    case 'value':
      return node.schema;
    case 'list':
      return { type: 'array', maxItems: limits.maxItems, items: toJsonSchema(node.item, limits) };
    case 'object':
      return {
        type: 'object',
        properties: Object.fromEntries([...node.properties].map(([key, child]) => [key, toJsonSchema(child, limits)])),
      };
  }
}
