import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findJsonSyntaxError } from './json-syntax-error.js';

const FORMS = new URL('../../../shared/forms-corpus/', import.meta.url).pathname;
const forms = readdirSync(FORMS, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.json') || name.endsWith('.form'))
  .map((name) => readFileSync(join(FORMS, name), 'utf8'));

function isValidJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Deterministic damage at many places: cut short, a character dropped, a stray character inserted. */
function* damaged(text: string): Generator<string> {
  const step = Math.max(1, Math.floor(text.length / 40));
  for (let at = 0; at < text.length; at += step) {
    yield text.slice(0, at);
    yield text.slice(0, at) + text.slice(at + 1);
    for (const stray of ['}', ',', '"', '\\', '\u0001', 'x']) yield text.slice(0, at) + stray + text.slice(at);
  }
}

describe('locating JSON syntax errors', () => {
  it('agrees with JSON.parse on every real form and on damaged copies of them', () => {
    expect(forms.length).toBeGreaterThan(10);
    for (const form of forms) {
      for (const text of [form, ...damaged(form)]) {
        expect({ text, error: findJsonSyntaxError(text) !== undefined }).toEqual({ text, error: !isValidJson(text) });
      }
    }
  });

  it.each([
    ['', 1, 1, 'unexpected end of input, expected a value'],
    ['{"a": 1,}', 1, 9, "unexpected '}', expected a double-quoted property name"],
    ['{"a" 1}', 1, 6, "expected ':' after the property name"],
    ['[1 2]', 1, 4, "unexpected '2', expected ',' or ']'"],
    ['{"a": "x\n"}', 1, 9, 'control character in string'],
    ['{"a": "\\q"}', 1, 8, 'invalid escape sequence in string'],
    ['{"a": "x', 1, 7, 'unterminated string'],
    ['{}\n{}', 2, 1, 'unexpected content after the JSON value'],
    ['[\n  01\n]', 2, 4, "unexpected '1', expected ',' or ']'"],
  ])('locates the error in %j at line %i, column %i', (text, line, column, reason) => {
    expect(findJsonSyntaxError(text)).toEqual({ line, column, reason });
  });

  it('scans deep nesting without recursion', () => {
    const depth = 1_000_000;
    expect(findJsonSyntaxError(`${'['.repeat(depth)}${']'.repeat(depth - 1)}`)?.reason).toBe("unexpected end of input, expected ',' or ']'");
  });
});
