/**
 * `checkSchema`: the reasons the validator cannot judge a form, each naming the component. A form with problems
 * must not be published: `compileForm` refuses it. What is checked: component types form-js 2.0 knows; keys and
 * paths form-js would accept (no duplicates, nothing bound inside a value or across a dynamic list); every FEEL
 * expression the validator evaluates parses; rules sit on fields they apply to and hold values form-js can use
 * without crashing; option sources, defaults and expressions can be judged.
 */
import { isPlainObject } from '../data/json-value.js';
import { BindingClaims, type ClaimKind } from './binding-claims.js';
import {
  booleanProblems, conditionProblems, datetimeProblems, defaultValueProblems, expressionProblems, feelOrBooleanProblems,
  filepickerProblems, numberProblems, optionProblems, pathProblems, validateProblems,
} from './component-checks.js';
import { componentKind } from './component-types.js';
import { isFeel, namesRead } from './feel-checks.js';
import type { FormComponent, FormSchema } from './form-schema.js';
import type { SchemaProblem } from './schema-problem.js';

export { FormSchemaError, type SchemaProblem } from './schema-problem.js';

const MAX_REPETITIONS = 1_000;

interface Entry {
  readonly component: FormComponent;
  readonly pointer: string;
  readonly id: string;
  /** Ids of the dynamic lists around the component. */
  readonly repeaters: readonly string[];
  /** The data path of the component's parent scope. */
  readonly prefix: readonly string[];
}

export function checkSchema(schema: unknown): SchemaProblem[] {
  if (!isPlainObject(schema) || schema.type !== 'default') {
    return [{ componentId: '', pointer: '', message: "the form must be a form-js schema (an object of type 'default')" }];
  }
  const problems: SchemaProblem[] = [];
  const entries = collectEntries(schema as FormSchema, problems);
  const claims = new BindingClaims();
  const report = (entry: Entry, message: string) =>
    problems.push({ componentId: entry.id, pointer: entry.pointer, message: `${describe(entry)}: ${message}` });
  for (const entry of entries) for (const message of claimProblems(entry, claims)) report(entry, message);
  for (const entry of entries) for (const message of componentProblems(entry, claims.roots)) report(entry, message);
  for (const [entry, message] of expressionCycles(entries)) report(entry, message);
  return problems;
}

function collectEntries(schema: FormSchema, problems: SchemaProblem[]): Entry[] {
  const entries: Entry[] = [];
  const ids = new Set<string>();
  const walk = (components: unknown, pointer: string, repeaters: readonly string[], prefix: readonly string[]) => {
    if (components === undefined) return;
    if (!Array.isArray(components)) {
      problems.push({ componentId: '', pointer, message: `${pointer || 'the form'}: components must be a list` });
      return;
    }
    components.forEach((component: unknown, index) => {
      const at = `${pointer}/components/${index}`;
      if (!isPlainObject(component) || typeof component.type !== 'string') {
        problems.push({ componentId: at, pointer: at, message: `component at ${at} is not a component with a type` });
        return;
      }
      const typed = component as FormComponent;
      const id = typeof typed.id === 'string' && typed.id !== '' ? typed.id : at;
      if (ids.has(id)) problems.push({ componentId: id, pointer: at, message: `${typed.type} '${id}': the id is used twice` });
      ids.add(id);
      const entry: Entry = { component: typed, pointer: at, id, repeaters, prefix };
      entries.push(entry);
      const kind = componentKind(typed.type);
      const path = typeof typed.path === 'string' && typed.path !== '' && (kind === 'group' || kind === 'list') ? typed.path.split('.') : [];
      walk(typed.components, at, kind === 'list' ? [...repeaters, id] : repeaters, [...prefix, ...path]);
    });
  };
  walk(schema.components, '', [], []);
  return entries;
}

function describe(entry: Entry): string {
  const { component } = entry;
  const key = typeof component.key === 'string' ? ` (key '${component.key}')` : typeof component.path === 'string' ? ` (path '${component.path}')` : '';
  return `${component.type} '${entry.id}'${key}`;
}

function claimProblems(entry: Entry, claims: BindingClaims): string[] {
  const { component } = entry;
  const kind = componentKind(component.type);
  const binding = kind === 'input' ? pathProblems('key', component.key, true) : kind === 'group' ? pathProblems('path', component.path, false) : kind === 'list' ? pathProblems('path', component.path, true) : [];
  if (binding.length > 0) return binding;
  const own = kind === 'input' ? (component.key as string) : kind === 'group' || kind === 'list' ? component.path : undefined;
  if (own === undefined || own === '' || (kind !== 'input' && kind !== 'group' && kind !== 'list')) return [];
  const claimKind: ClaimKind = kind === 'input' ? 'field' : kind;
  const problem = claims.claim([...entry.prefix, ...own.split('.')], claimKind, entry.id, entry.repeaters);
  return problem === undefined ? [] : [problem];
}

function componentProblems(entry: Entry, bindingRoots: ReadonlySet<string>): string[] {
  const { component } = entry;
  const kind = componentKind(component.type);
  if (kind === undefined || kind === 'form') return [`the component type '${component.type}' is not one form-js 2.0 renders`];
  if (component.components !== undefined && kind !== 'group' && kind !== 'list') return ['only groups and dynamic lists may hold components'];
  if (kind === 'display') return [];
  const problems = conditionProblems(component);
  if (kind === 'list') {
    if (component.isRepeating !== true) problems.push('a dynamic list must have isRepeating: true');
    const { defaultRepetitions } = component;
    if (defaultRepetitions !== undefined && (!Number.isInteger(defaultRepetitions) || defaultRepetitions < 0 || defaultRepetitions > MAX_REPETITIONS)) {
      problems.push(`defaultRepetitions must be a whole number from 0 to ${MAX_REPETITIONS}`);
    }
    problems.push(...booleanProblems(component, 'allowAddRemove'));
  }
  if (kind !== 'input') return problems;
  problems.push(
    ...booleanProblems(component, 'disabled'),
    ...feelOrBooleanProblems(component, 'readonly', 'unaryTest'),
    ...validateProblems(component),
    ...optionProblems(component, bindingRoots),
    ...numberProblems(component),
    ...datetimeProblems(component),
    ...expressionProblems(component),
    ...filepickerProblems(component),
    ...defaultValueProblems(component),
  );
  return problems;
}

/** Expression fields that read each other in a circle (or themselves) have no value form-js would settle on. */
function expressionCycles(entries: readonly Entry[]): [Entry, string][] {
  const expressions = entries.filter((entry) => entry.component.type === 'expression' && isFeel(entry.component.expression) && typeof entry.component.key === 'string');
  const byName = new Map<string, Entry[]>();
  for (const entry of expressions) {
    const name = (entry.component.key as string).split('.')[0];
    byName.set(name, [...(byName.get(name) ?? []), entry]);
  }
  const reads = new Map(expressions.map((entry) => [entry, namesRead(entry.component.expression as string).flatMap((name) => byName.get(name) ?? [])]));
  const cycles: [Entry, string][] = [];
  for (const start of expressions) {
    const seen = new Set<Entry>();
    const stack = [...(reads.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === start) {
        cycles.push([start, 'its expression depends on its own value (through expression fields that read each other)']);
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(reads.get(next) ?? []));
    }
  }
  return cycles;
}
