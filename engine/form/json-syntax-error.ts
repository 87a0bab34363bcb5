/**
 * Where a JSON text breaks, for a message a form author can act on: V8's JSON.parse omits the position for some
 * errors and quotes the input instead. Runs only after JSON.parse has failed; iterative, so nesting depth is harmless.
 */
export interface JsonSyntaxError {
  line: number;
  column: number;
  reason: string;
}

type Container = 'object' | 'array';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const offset = errorOffset(text);
  return offset && locate(text, offset.at, offset.reason);
}

function errorOffset(text: string): { at: number; reason: string } | undefined {
  const stack: Container[] = [];
  let index = skipWhitespace(text, 0);
  const unexpected = (expected: string) => ({
    at: index,
    reason: index >= text.length ? `unexpected end of input, expected ${expected}` : `unexpected '${text[index]}', expected ${expected}`,
  });
  for (;;) {
    // here a value must start
    const char = text[index];
    if (char === '{' || char === '[') {
      index = skipWhitespace(text, index + 1);
      if (text[index] === (char === '{' ? '}' : ']')) {
        index++;
      } else {
        stack.push(char === '{' ? 'object' : 'array');
        if (char === '{') {
          const key = scanMember(text, index);
          if (typeof key !== 'number') return key;
          index = key;
        }
        continue;
      }
    } else if (char === '"') {
      const end = scanString(text, index);
      if (typeof end !== 'number') return end;
      index = end;
    } else {
      const end = scanLiteral(text, index);
      if (end === undefined) return unexpected('a value');
      index = end;
    }
    // a value has ended: close containers or continue after a comma
    for (;;) {
      index = skipWhitespace(text, index);
      const container = stack[stack.length - 1];
      if (!container) return index < text.length ? { at: index, reason: 'unexpected content after the JSON value' } : undefined;
      const closing = container === 'object' ? '}' : ']';
      if (text[index] === closing) {
        stack.pop();
        index++;
        continue;
      }
      if (text[index] !== ',') return unexpected(`',' or '${closing}'`);
      index = skipWhitespace(text, index + 1);
      if (container === 'object') {
        const key = scanMember(text, index);
        if (typeof key !== 'number') return key;
        index = key;
      }
      break;
    }
  }
}

/** Scans `"key" :` and the whitespace after it; returns where the value starts. */
function scanMember(text: string, index: number): number | { at: number; reason: string } {
  if (text[index] !== '"') {
    return { at: index, reason: index >= text.length ? 'unexpected end of input, expected a property name' : `unexpected '${text[index]}', expected a double-quoted property name` };
  }
  const end = scanString(text, index);
  if (typeof end !== 'number') return end;
  const colon = skipWhitespace(text, end);
  return text[colon] === ':' ? skipWhitespace(text, colon + 1) : { at: colon, reason: "expected ':' after the property name" };
}

function scanString(text: string, start: number): number | { at: number; reason: string } {
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x22) return index + 1;
    if (code < 0x20) return { at: index, reason: 'control character in string' };
    if (code === 0x5c) {
      ESCAPE.lastIndex = index;
      if (!ESCAPE.test(text)) return { at: index, reason: 'invalid escape sequence in string' };
      index = ESCAPE.lastIndex;
    } else {
      index++;
    }
  }
  return { at: start, reason: 'unterminated string' };
}

function scanLiteral(text: string, index: number): number | undefined {
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, index)) return index + literal.length;
  }
  NUMBER.lastIndex = index;
  return NUMBER.test(text) ? NUMBER.lastIndex : undefined;
}

function skipWhitespace(text: string, index: number): number {
  while (index < text.length && ' \t\r\n'.includes(text[index]!)) index++;
  return index;
}

function locate(text: string, offset: number, reason: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1, reason };
}
