/**
 * form-js's FEEL expression language with the verdicts of unary tests (the hide conditions) remembered. form-js asks
 * the same condition with the same data several times while it renders a form (its filtered data, each field, again
 * after the first effects), and `@bpmn-io/feelin` parses the condition anew every time: on a phone that parse was
 * the largest part of showing a long form. feelin has no way to evaluate a parsed condition again, so the verdict is
 * kept, keyed by the condition and an exact encoding of the data it was asked with (the data's names shape the parse
 * too). What is not kept: conditions that read the clock (`now()`, `today()`), verdicts other than true and false (a
 * null may stand for an error form-js reports on its event bus each time), and data that is not plain values.
 */
import { FeelExpressionLanguage } from '@bpmn-io/form-js-viewer';

/** Enough for every condition of a long form with a few list items, for the last few states of its data. */
const CAPACITY = 256;
const READS_THE_CLOCK = /\b(?:now|today)\s*\(/;

type FeelContext = Record<string, unknown>;

const FeelLanguage = FeelExpressionLanguage as unknown as new (eventBus: unknown) => {
  isExpression(value: unknown): boolean;
  evaluateUnaryTest(expression: string, data?: FeelContext): boolean | null;
};

export class CachingExpressionLanguage extends FeelLanguage {
  static $inject = ['eventBus'];

  private readonly verdicts = new Map<string, boolean>();

  override evaluateUnaryTest(expression: string, data: FeelContext = {}): boolean | null {
    const key = this.isExpression(expression) && !READS_THE_CLOCK.test(expression) ? verdictKey(expression, data) : undefined;
    if (key === undefined) return super.evaluateUnaryTest(expression, data);
    const known = this.verdicts.get(key);
    if (known !== undefined) return known;
    const verdict = super.evaluateUnaryTest(expression, data);
    if (verdict === true || verdict === false) {
      if (this.verdicts.size >= CAPACITY) this.verdicts.delete(this.verdicts.keys().next().value!);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }
}

/** For form-js's `additionalModules`: replaces the viewer's own expression language. */
export const cachingExpressionLanguageModule = { expressionLanguage: ['type', CachingExpressionLanguage] };

/** The condition and its context; the context's own names sorted (FEEL cannot list them), nested values in order. */
function verdictKey(expression: string, context: FeelContext): string | undefined {
  const names = Object.keys(context).sort();
  const parts = [JSON.stringify(expression)];
  for (const name of names) {
    const value = encode(context[name], new Set());
    if (value === undefined) return undefined;
    parts.push(`${JSON.stringify(name)}:${value}`);
  }
  return parts.join(',');
}

/** An encoding that tells apart every value feelin can tell apart; undefined for what it will not vouch for. */
function encode(value: unknown, ancestors: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (ancestors.has(value)) return undefined;
      const prototype = Object.getPrototypeOf(value);
      const isList = Array.isArray(value);
      if (!isList && prototype !== Object.prototype && prototype !== null) return undefined; // dates, files, …
      ancestors.add(value);
      const parts: string[] = [];
      if (isList) {
        for (let index = 0; index < value.length; index++) {
          const item = index in value ? encode(value[index], ancestors) : undefined;
          if (item === undefined) return undefined;
          parts.push(item);
        }
      } else {
        for (const [name, item] of Object.entries(value)) {
          const encoded = encode(item, ancestors);
          if (encoded === undefined) return undefined;
          parts.push(`${JSON.stringify(name)}:${encoded}`);
        }
      }
      ancestors.delete(value);
      return isList ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
    }
    default:
      return undefined; // functions, symbols, big integers
  }
}
