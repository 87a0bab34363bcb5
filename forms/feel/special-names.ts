/**
 * Names in the data that FEEL cannot spell as a plain name (`first name`, `readonly-textfield`, `$x`). feelin reads
 * them only because form-js hands it the data while parsing; an expression compiled once without the data may read
 * `readonly-textfield` as a subtraction. So an expression that may mention such a name is evaluated the slow way.
 */
import { isPlainObject } from '../data/json-value.js';

const PLAIN_NAME = /^[\p{L}_?][\p{L}\p{N}_?]*$/u;
const WORD = /[\p{L}\p{N}_?]+/gu;
const KEYWORDS = new Set([
  'true', 'false', 'null', 'and', 'or', 'not', 'for', 'in', 'return', 'if', 'then', 'else', 'some', 'every',
  'satisfies', 'instance', 'of', 'function', 'external', 'between',
]);

export interface SpecialNames {
  /** The words of each special name; an expression using all words of one may read it. */
  readonly words: readonly (readonly string[])[];
  /** Stable text of the set, so a compiled expression can remember its last answer. */
  readonly signature: string;
}

export const NO_SPECIAL_NAMES: SpecialNames = { words: [], signature: '' };

export function isPlainFeelName(name: string): boolean {
  return PLAIN_NAME.test(name) && !KEYWORDS.has(name);
}

export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Collects the special names among the keys of `values` and of the objects inside them, into `into`. */
export function collectSpecialNames(values: unknown, into: Set<string>, depth = 0): void {
  if (depth > 32) return;
  if (Array.isArray(values)) {
    for (const item of values) collectSpecialNames(item, into, depth + 1);
  } else if (isPlainObject(values)) {
    for (const [key, value] of Object.entries(values)) {
      if (!isPlainFeelName(key)) into.add(key);
      if (value !== null && typeof value === 'object') collectSpecialNames(value, into, depth + 1);
    }
  }
}

export function specialNamesOf(names: Iterable<string>): SpecialNames {
  const sorted = [...new Set(names)].sort();
  if (sorted.length === 0) return NO_SPECIAL_NAMES;
  return { words: sorted.map(wordsOf), signature: sorted.join('\u0000') };
}

/** Whether an expression with these words may read one of the special names. */
export function mayReadSpecialName(expressionWords: ReadonlySet<string>, special: SpecialNames): boolean {
  return special.words.some((words) => words.length > 0 && words.every((word) => expressionWords.has(word)));
}
