/**
 * Test support: a form's bindings read straight from its schema (independently of the validator's compiler), for
 * generating submissions: which fields a user can fill in, where groups and dynamic lists put them, and which
 * input variables and literals the form's FEEL mentions.
 */

export interface FieldOutline {
  readonly kind: 'field';
  readonly component: Record<string, any>;
  readonly keyPath: readonly string[];
  /** A user can type into it: not disabled, not always read-only, not computed. */
  readonly editable: boolean;
}

export interface GroupOutline {
  readonly kind: 'group';
  readonly path: readonly string[];
  readonly children: readonly Outline[];
}

export interface ListOutline {
  readonly kind: 'list';
  readonly component: Record<string, any>;
  readonly path: readonly string[];
  readonly children: readonly Outline[];
}

export type Outline = FieldOutline | GroupOutline | ListOutline;

const INPUT_TYPES = new Set(['textfield', 'textarea', 'number', 'datetime', 'expression', 'filepicker', 'checkbox', 'checklist', 'radio', 'select', 'taglist']);

export function outlineOf(components: readonly Record<string, any>[] = []): Outline[] {
  const outlines: Outline[] = [];
  for (const component of components) {
    if (INPUT_TYPES.has(component.type)) {
      const editable = !component.disabled && component.readonly !== true && component.type !== 'expression';
      outlines.push({ kind: 'field', component, keyPath: component.key.split('.'), editable });
    } else if (component.type === 'group') {
      outlines.push({ kind: 'group', path: component.path ? component.path.split('.') : [], children: outlineOf(component.components) });
    } else if (component.type === 'dynamiclist') {
      outlines.push({ kind: 'list', component, path: component.path.split('.'), children: outlineOf(component.components) });
    }
  }
  return outlines;
}

/** The first segment of every binding path. */
export function bindingRoots(outlines: readonly Outline[]): Set<string> {
  const roots = new Set<string>();
  for (const outline of outlines) {
    const path = outline.kind === 'field' ? outline.keyPath : outline.path;
    if (path.length > 0) roots.add(path[0]);
    else if (outline.kind === 'group') bindingRoots(outline.children).forEach((root) => roots.add(root));
  }
  return roots;
}

export interface FeelVocabulary {
  /** Input variables the form reads (not bound to fields), with the member names read from each (`tp.days`). */
  readonly variables: Map<string, Set<string>>;
  /** Variables that hold options (`valuesKey`, or read by a `valuesExpression`). */
  readonly optionVariables: Set<string>;
  readonly strings: string[];
  readonly numbers: number[];
}

const FEEL_PROPERTIES = ['expression', 'valuesExpression', 'readonly', 'accept', 'multiple'];
const NAME = /(?<![\w."])([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g;
const KEYWORDS = new Set(['true', 'false', 'null', 'and', 'or', 'not', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'this', 'parent', 'i', '_this_', '_parent_', '_i_', 'count', 'sum', 'concatenate', 'string', 'number', 'date', 'time', 'is', 'defined', 'length', 'upper', 'case', 'lower', 'contains', 'item']);

export function feelVocabulary(schema: Record<string, any>): FeelVocabulary {
  const outlines = outlineOf(schema.components);
  const bound = bindingRoots(outlines);
  const vocabulary: FeelVocabulary = { variables: new Map(), optionVariables: new Set(), strings: [], numbers: [] };
  const visit = (component: Record<string, any>) => {
    const sources: [string, boolean][] = [];
    for (const property of FEEL_PROPERTIES) if (typeof component[property] === 'string' && component[property].startsWith('=')) sources.push([component[property], property === 'valuesExpression']);
    if (typeof component.conditional?.hide === 'string') sources.push([component.conditional.hide, false]);
    for (const bound_ of ['min', 'max', 'minLength', 'maxLength']) {
      const value = component.validate?.[bound_];
      if (typeof value === 'string' && value.startsWith('=')) sources.push([value, false]);
    }
    for (const [source, holdsOptions] of sources) {
      const text = source.slice(1);
      for (const match of text.matchAll(/"([^"\\]*)"/g)) vocabulary.strings.push(match[1]);
      for (const match of text.replace(/"[^"]*"/g, '').matchAll(/\b\d+(\.\d+)?\b/g)) vocabulary.numbers.push(Number(match[0]));
      for (const match of text.replace(/"[^"]*"/g, '').matchAll(NAME)) {
        const [, name, members] = match;
        if (KEYWORDS.has(name) || bound.has(name)) continue;
        const known = vocabulary.variables.get(name) ?? new Set<string>();
        if (members) known.add(members.split('.')[1]);
        vocabulary.variables.set(name, known);
        if (holdsOptions) vocabulary.optionVariables.add(name);
      }
    }
    if (typeof component.valuesKey === 'string' && component.valuesKey !== '') {
      vocabulary.variables.set(component.valuesKey, vocabulary.variables.get(component.valuesKey) ?? new Set());
      vocabulary.optionVariables.add(component.valuesKey);
    }
    (component.components ?? []).forEach(visit);
  };
  (schema.components ?? []).forEach(visit);
  return vocabulary;
}
