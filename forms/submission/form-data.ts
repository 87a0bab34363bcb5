/**
 * The data the form holds once opened with the input data and filled in with the submission, as form-js's
 * `_getInitializedFieldData` builds it: every field at its path, sanitized (a value from the submission, else from
 * the input data, else the field's default, else its empty value), every dynamic list a list of objects. Only the
 * fields' own paths are read from the submission, so a submitted key never replaces input data; a dynamic list's
 * items keep the input's extra keys item by item.
 */
import type { CompiledForm, CompiledGroup, CompiledInput, CompiledList, CompiledNode } from '../compile/compiled-form.js';
import { cloneJson, isPlainObject, type JsonObject } from '../data/json-value.js';
import { ABSENT, lookUp, type Lookup, type PathSegment } from '../data/value-path.js';
import type { ValueContext, Violation } from '../fields/field-behaviour.js';
import type { ErrorCode } from '../messages/messages.js';
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
  // only binding paths are written to: input data that holds none of them needs no deep copy
  // (Object.assign, not a spread: V8 makes adding properties to a spread copy very slow)
  const data = Object.keys(input).some((key) => form.bindingRoots.has(key)) ? cloneJson(input) : Object.assign({}, input);
  const build: Build = { context, problems, submitted: new Set(), violations: new Map() };
  fill(build, form.root.children, data, submission, input, [], '');
  return { data, submitted: build.submitted, violations: build.violations };
}

/** `prefix` is the scope's path in the data, `at` the same as a JSON pointer. */
function fill(build: Build, nodes: readonly CompiledNode[], target: JsonObject, submitted: unknown, input: unknown, prefix: PathSegment[], at: string): void {
  // a scope that is no plain object holds nothing for any path (as `lookUp` reads it): told once, not per field
  if (submitted !== undefined && !isPlainObject(submitted)) submitted = undefined;
  if (input !== undefined && !isPlainObject(input)) input = undefined;
  for (const node of nodes) {
    if (node.kind === 'input') fillInput(build, node, target, submitted, input, at);
    else if (node.kind === 'list') fillList(build, node, target, submitted, input, prefix, at);
    else if (node.path.length === 0) fill(build, node.children, target, submitted, input, prefix, at);
    else fillGroup(build, node, target, submitted, input, prefix, at);
  }
}

/**
 * What the form holds at a binding path is the submitted value if there is one, else the input's (form-js merges
 * the two). A value that is no object where the path needs one is rejected: form-js crashes on it, or, for null,
 * starts the container afresh.
 */
function containerSource(build: Build, pointer: string, submitted: Lookup, input: Lookup, wrongType: ErrorCode): { submitted?: JsonObject; input?: JsonObject; fresh: boolean } {
  if (submitted.kind !== 'absent') {
    if (submitted.kind === 'found' && isPlainObject(submitted.value)) {
      return { submitted: submitted.value, input: input.kind === 'found' && isPlainObject(input.value) ? input.value : undefined, fresh: false };
    }
    build.violations.set(pointer, { code: wrongType });
    return { fresh: true };
  }
  if (input.kind === 'found' && isPlainObject(input.value)) return { input: input.value, fresh: false };
  // form-js cannot set a field's value inside text, a number or a boolean; it can inside a list
  if (input.kind !== 'absent' && isPrimitive(input.value)) build.violations.set(pointer, { code: wrongType, crashesFormJs: true });
  return { fresh: true };
}

function fillGroup(build: Build, node: CompiledGroup, target: JsonObject, submitted: unknown, input: unknown, prefix: PathSegment[], at: string): void {
  const pointer = at + node.pointer;
  const source = containerSource(build, pointer, lookUp(submitted, node.path, true), lookUp(input, node.path, false), 'notAGroup');
  fill(build, node.children, objectAt(target, node.path, source.fresh), source.submitted, source.input, [...prefix, ...node.path], pointer);
}

/** The object at `path` below `target`: the one there (from the input data), or a new one. */
function objectAt(target: JsonObject, path: readonly string[], fresh: boolean): JsonObject {
  let current = target;
  path.forEach((segment, index) => {
    const next = current[segment];
    if (isPlainObject(next) && !(fresh && index === path.length - 1)) current = next;
    else current = current[segment] = {};
  });
  return current;
}

function fillInput(build: Build, node: CompiledInput, target: JsonObject, submitted: unknown, input: unknown, at: string): void {
  const fromSubmission = !node.editable ? ABSENT : node.keyPath.length === 1 ? ownEntry(submitted, node.key) : lookUp(submitted, node.keyPath, true);
  let value: unknown;
  if (fromSubmission.kind === 'found') value = submittedValue(build, node, fromSubmission.value, at + node.pointer);
  else if (fromSubmission.kind === 'blocked') {
    build.violations.set(at + node.pointer, { code: 'invalidValue' });
    value = initialValue(node);
  } else {
    const fromInput = node.keyPath.length === 1 ? ownEntry(input, node.key) : lookUp(input, node.keyPath, false);
    if (fromInput.kind === 'found') value = node.behaviour.sanitize(fromInput.value, node, build.context);
    else {
      if (fromInput.kind === 'blocked' && isPrimitive(fromInput.value)) build.violations.set(at + node.pointer, { code: 'invalidValue', crashesFormJs: true });
      value = initialValue(node);
    }
  }
  if (node.keyPath.length === 1) target[node.key] = value;
  else objectAt(target, node.keyPath.slice(0, -1), false)[node.keyPath[node.keyPath.length - 1]] = value;
}

/** `lookUp(scope, [key], true)` without its loop, for a scope `fill` has found to be a plain object or nothing. */
function ownEntry(scope: unknown, key: string): Lookup {
  if (scope === undefined || !Object.hasOwn(scope as JsonObject, key)) return ABSENT;
  const value = (scope as JsonObject)[key];
  return value === undefined ? ABSENT : { kind: 'found', value };
}

function submittedValue(build: Build, node: CompiledInput, submitted: unknown, pointer: string): unknown {
  const { behaviour } = node;
  // what settles later (options, dates, files, read-only) needs to know the value came from the submission
  if (node.settles) build.submitted.add(pointer);
  // form-js opens a form on a JSON copy of its data, where Infinity and NaN are null (what conditions then see)
  const value = behaviour.sanitize(typeof submitted === 'number' && !Number.isFinite(submitted) ? null : submitted, node, build.context);
  const violation =
    (build.problems.size === 0 ? undefined : violationOf(problemsAt(build.problems, pointer, true), behaviour.wrongTypeCode(submitted))) ??
    behaviour.review?.(submitted, value, node, build.context);
  if (violation !== undefined) build.violations.set(pointer, violation);
  return value;
}

function isPrimitive(value: unknown): boolean {
  return value !== null && value !== undefined && typeof value !== 'object';
}

/** The value of a field nobody filled in: its default, else its empty value. */
function initialValue(node: CompiledInput): unknown {
  const { defaultValue } = node;
  if (defaultValue === undefined) return node.behaviour.emptyValue();
  return typeof defaultValue === 'object' && defaultValue !== null ? cloneJson(defaultValue) : defaultValue;
}

function fillList(build: Build, node: CompiledList, target: JsonObject, submitted: unknown, input: unknown, prefix: PathSegment[], at: string): void {
  const path = [...prefix, ...node.path];
  const listPointer = at + node.pointer;
  const fromSubmission = lookUp(submitted, node.path, true);
  const fromInput = lookUp(input, node.path, false);
  let items: unknown;
  let inputItems: unknown;
  let submittedItems: unknown[] | undefined;
  if (fromSubmission.kind !== 'absent') {
    const violation = fromSubmission.kind === 'blocked' ? { code: 'notAList' as const } : violationOf(problemsAt(build.problems, listPointer, false), 'notAList');
    if (violation !== undefined) build.violations.set(listPointer, violation);
    if (fromSubmission.kind === 'found' && Array.isArray(fromSubmission.value)) {
      submittedItems = items = fromSubmission.value;
      inputItems = fromInput.kind === 'found' ? fromInput.value : undefined;
      if (violation === undefined && !node.allowAddRemove && submittedItems.length !== itemCount(node, inputItems)) {
        build.violations.set(listPointer, { code: 'listLength', params: { value: String(itemCount(node, inputItems)) } });
      }
    }
  } else {
    if (fromInput.kind === 'blocked' && isPrimitive(fromInput.value)) build.violations.set(listPointer, { code: 'notAList', crashesFormJs: true });
    items = inputItems = fromInput.kind === 'found' ? fromInput.value : undefined;
  }
  const count = Array.isArray(items) ? items.length : node.defaultRepetitions;
  const list: JsonObject[] = [];
  for (let index = 0; index < count; index++) {
    const itemPath = [...path, index];
    const itemPointer = `${listPointer}/${index}`;
    let inputItem = Array.isArray(inputItems) ? inputItems[index] : undefined;
    let submittedItem = submittedItems?.[index];
    if (submittedItem !== undefined && !isPlainObject(submittedItem)) {
      // form-js puts the submitted value in place of the input's item, then {} in place of a value that is no object
      build.violations.set(itemPointer, { code: 'notAGroup' });
      submittedItem = inputItem = undefined;
    }
    const item: JsonObject = isPlainObject(inputItem) ? cloneJson(inputItem) : {};
    list.push(item);
    fill(build, node.children, item, submittedItem, inputItem, itemPath, itemPointer);
  }
  objectAt(target, node.path.slice(0, -1), false)[node.path[node.path.length - 1]] = list;
}

/** The items the list has when the form opens with the input data alone. */
function itemCount(node: CompiledList, inputItems: unknown): number {
  return Array.isArray(inputItems) ? inputItems.length : node.defaultRepetitions;
}
