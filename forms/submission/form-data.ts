/**
 * The data the form holds once opened with the input data and filled in with the submission, as form-js's
 * `_getInitializedFieldData` builds it: every field at its path, sanitized (a value from the submission, else from
 * the input data, else the field's default, else its empty value), every dynamic list a list of objects. Only the
 * fields' own paths are read from the submission, so a submitted key never replaces input data; a dynamic list's
 * items keep the input's extra keys item by item.
 */
import type { CompiledForm, CompiledInput, CompiledList, CompiledNode } from '../compile/compiled-form.js';
import { cloneJson, isPlainObject, type JsonObject } from '../data/json-value.js';
import { getOwnPath, getPath, pointerOf, setPath, type PathSegment } from '../data/value-path.js';
import type { ValueContext, Violation } from '../fields/field-behaviour.js';
import { problemsAt, violationOf, type ShapeProblems } from './shape-violations.js';

export interface FormData {
  readonly data: JsonObject;
  /** Pointers of the values taken from the submission. */
  readonly submitted: Set<string>;
  /** Why a submitted value or container is rejected, by pointer. */
  readonly violations: Map<string, Violation>;
}

interface Build {
  readonly context: ValueContext;
  readonly problems: ShapeProblems;
  readonly submitted: Set<string>;
  readonly violations: Map<string, Violation>;
}

/** `submission` undefined builds form-js's `initialData` from the input data alone. */
export function buildFormData(form: CompiledForm, input: JsonObject, submission: JsonObject | undefined, problems: ShapeProblems, context: ValueContext): FormData {
  const data = cloneJson(input);
  const build: Build = { context, problems, submitted: new Set(), violations: new Map() };
  fill(build, form.root.children, data, submission, input, []);
  return { data, submitted: build.submitted, violations: build.violations };
}

function fill(build: Build, nodes: readonly CompiledNode[], target: JsonObject, submitted: unknown, input: unknown, prefix: PathSegment[]): void {
  for (const node of nodes) {
    if (node.kind === 'input') fillInput(build, node, target, submitted, input, prefix);
    else if (node.kind === 'list') fillList(build, node, target, submitted, input, prefix);
    else if (node.path.length === 0) fill(build, node.children, target, submitted, input, prefix);
    else {
      const path = [...prefix, ...node.path];
      let ownSubmitted = getOwnPath(submitted, node.path);
      if (ownSubmitted !== undefined && !isPlainObject(ownSubmitted)) {
        build.violations.set(pointerOf(path), { code: 'notAGroup' });
        ownSubmitted = undefined;
      }
      fill(build, node.children, objectAt(build, target, node.path, path), ownSubmitted, getPath(input, node.path), path);
    }
  }
}

/** The object at `path` below `target`, made where missing; form-js crashes where a value stands in the way. */
function objectAt(build: Build, target: JsonObject, path: readonly string[], fullPath: PathSegment[]): JsonObject {
  let current = target;
  for (const segment of path) {
    const next = current[segment];
    if (isPlainObject(next)) {
      current = next;
      continue;
    }
    if (next !== undefined && next !== null) build.violations.set(pointerOf(fullPath), { code: 'notAGroup' });
    const created: JsonObject = {};
    current[segment] = created;
    current = created;
  }
  return current;
}

function fillInput(build: Build, node: CompiledInput, target: JsonObject, submitted: unknown, input: unknown, prefix: PathSegment[]): void {
  const { behaviour } = node;
  const submittedValue = node.editable ? getOwnPath(submitted, node.keyPath) : undefined;
  let value: unknown;
  if (submittedValue !== undefined) {
    const pointer = pointerOf([...prefix, ...node.keyPath]);
    build.submitted.add(pointer);
    value = behaviour.sanitize(submittedValue, node, build.context);
    const violation =
      violationOf(problemsAt(build.problems, pointer, true), behaviour.wrongTypeCode(submittedValue)) ??
      behaviour.review?.(submittedValue, value, node, build.context);
    if (violation !== undefined) build.violations.set(pointer, violation);
  } else {
    const inputValue = getPath(input, node.keyPath);
    if (inputValue !== undefined) value = behaviour.sanitize(inputValue, node, build.context);
    else value = node.defaultValue !== undefined ? cloneJson(node.defaultValue) : behaviour.emptyValue();
  }
  setPath(target, node.keyPath, value);
}

function fillList(build: Build, node: CompiledList, target: JsonObject, submitted: unknown, input: unknown, prefix: PathSegment[]): void {
  const path = [...prefix, ...node.path];
  const listPointer = pointerOf(path);
  const submittedItems = getOwnPath(submitted, node.path);
  // form-js reads the submitted list in place of the input's, whatever it holds
  const inputItems = submittedItems === undefined || Array.isArray(submittedItems) ? getPath(input, node.path) : undefined;
  if (submittedItems !== undefined) {
    const violation = violationOf(problemsAt(build.problems, listPointer, false), 'notAList');
    if (violation !== undefined) build.violations.set(listPointer, violation);
    else if (!node.allowAddRemove && Array.isArray(submittedItems) && submittedItems.length !== itemCount(node, inputItems)) {
      build.violations.set(listPointer, { code: 'listLength', params: { value: String(itemCount(node, inputItems)) } });
    }
  }
  const source = submittedItems === undefined ? inputItems : submittedItems;
  const count = Array.isArray(source) ? source.length : node.defaultRepetitions;
  const items: JsonObject[] = [];
  for (let index = 0; index < count; index++) {
    const itemPath = [...path, index];
    let inputItem = Array.isArray(inputItems) ? inputItems[index] : undefined;
    let submittedItem = Array.isArray(submittedItems) ? submittedItems[index] : undefined;
    if (submittedItem !== undefined && !isPlainObject(submittedItem)) {
      // form-js puts the submitted value in place of the input's item, then {} in place of a value that is no object
      build.violations.set(pointerOf(itemPath), { code: 'notAGroup' });
      submittedItem = inputItem = undefined;
    }
    const item: JsonObject = isPlainObject(inputItem) ? cloneJson(inputItem) : {};
    items.push(item);
    fill(build, node.children, item, submittedItem, inputItem, itemPath);
  }
  setPath(target, node.path, items);
}

/** The items the list has when the form opens with the input data alone. */
function itemCount(node: CompiledList, inputItems: unknown): number {
  return Array.isArray(inputItems) ? inputItems.length : node.defaultRepetitions;
}
