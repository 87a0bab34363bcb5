/**
 * Checks a value against the small part of JSON Schema a form's shape is written in (`submission-shape.ts`), with the
 * meaning JSON Schema 2020-12 gives each keyword, compiled once into nested closures. Not a general validator: a
 * keyword outside that part is refused when the schema is compiled, so a field behaviour cannot use one unchecked.
 * Why not ajv: it compiles schemas to code with `new Function`, which the browser apps' Content Security Policy (no
 * `unsafe-eval`) forbids, and this check runs in the browser as on the server.
 */

export interface SchemaProblem {
  /** JSON pointer into the checked value: `/owner/email`, `/dogs/1/breed`. */
  readonly pointer: string;
  /** The keyword the value broke: `type`, `maxLength`, `maxItems`, `anyOf`, ... */
  readonly keyword: string;
  /** The keyword's number for `maxLength`, `maxItems`, `exclusiveMinimum` and `exclusiveMaximum`. */
  readonly limit?: number;
}

type Check = (value: unknown, pointer: string, problems: SchemaProblem[]) => boolean;
type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

const TYPE_TESTS: Record<JsonType, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  // JSON has no Infinity or NaN; JSON Schema validators refuse them as numbers
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  null: (value) => value === null,
  array: (value) => Array.isArray(value),
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
};

const KNOWN_KEYWORDS = new Set(['type', 'maxLength', 'maxItems', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern', 'const', 'properties', 'items', 'anyOf']);

/** Compiles `schema`; the result returns true when the value fits and otherwise adds what it broke to `problems`. */
export function compileSchemaCheck(schema: object): (value: unknown) => SchemaProblem[] {
  const check = compile(schema as Record<string, unknown>);
  return (value) => {
    const problems: SchemaProblem[] = [];
    check(value, '', problems);
    return problems;
  };
}

function compile(schema: Record<string, unknown>): Check {
  for (const keyword of Object.keys(schema)) {
    if (!KNOWN_KEYWORDS.has(keyword)) throw new Error(`The form shape check does not know the JSON Schema keyword ${keyword}`);
  }
  const checks: Check[] = [];
  if (schema.type !== undefined) checks.push(typeCheck(schema.type as JsonType | JsonType[]));
  if (typeof schema.maxLength === 'number') checks.push(maxLengthCheck(schema.maxLength));
  if (typeof schema.maxItems === 'number') checks.push(maxItemsCheck(schema.maxItems));
  if (typeof schema.exclusiveMinimum === 'number') checks.push(boundCheck('exclusiveMinimum', schema.exclusiveMinimum, (value, limit) => value > limit));
  if (typeof schema.exclusiveMaximum === 'number') checks.push(boundCheck('exclusiveMaximum', schema.exclusiveMaximum, (value, limit) => value < limit));
  if (typeof schema.pattern === 'string') checks.push(patternCheck(new RegExp(schema.pattern, 'u')));
  if ('const' in schema) checks.push(constCheck(schema.const));
  if (schema.properties !== undefined) checks.push(propertiesCheck(schema.properties as Record<string, Record<string, unknown>>));
  if (schema.items !== undefined) checks.push(itemsCheck(compile(schema.items as Record<string, unknown>)));
  if (schema.anyOf !== undefined) checks.push(anyOfCheck((schema.anyOf as Record<string, unknown>[]).map(compile)));
  if (checks.length === 1) return checks[0];
  return (value, pointer, problems) => {
    let valid = true;
    for (const check of checks) if (!check(value, pointer, problems)) valid = false;
    return valid;
  };
}

function typeCheck(type: JsonType | JsonType[]): Check {
  const tests = (Array.isArray(type) ? type : [type]).map((name) => TYPE_TESTS[name]);
  return (value, pointer, problems) => {
    for (const test of tests) if (test(value)) return true;
    problems.push({ pointer, keyword: 'type' });
    return false;
  };
}

function maxLengthCheck(limit: number): Check {
  return (value, pointer, problems) => {
    // counted in code points, as JSON Schema does; a string shorter in UTF-16 units is short enough either way
    if (typeof value !== 'string' || value.length <= limit || codePoints(value) <= limit) return true;
    problems.push({ pointer, keyword: 'maxLength', limit });
    return false;
  };
}

function codePoints(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}

function maxItemsCheck(limit: number): Check {
  return (value, pointer, problems) => {
    if (!Array.isArray(value) || value.length <= limit) return true;
    problems.push({ pointer, keyword: 'maxItems', limit });
    return false;
  };
}

function boundCheck(keyword: string, limit: number, holds: (value: number, limit: number) => boolean): Check {
  return (value, pointer, problems) => {
    if (typeof value !== 'number' || holds(value, limit)) return true;
    problems.push({ pointer, keyword, limit });
    return false;
  };
}

function patternCheck(pattern: RegExp): Check {
  return (value, pointer, problems) => {
    if (typeof value !== 'string' || pattern.test(value)) return true;
    problems.push({ pointer, keyword: 'pattern' });
    return false;
  };
}

function constCheck(expected: unknown): Check {
  const json = JSON.stringify(expected);
  return (value, pointer, problems) => {
    if (value === expected || (typeof expected === 'object' && expected !== null && JSON.stringify(value) === json)) return true;
    problems.push({ pointer, keyword: 'const' });
    return false;
  };
}

function propertiesCheck(properties: Record<string, Record<string, unknown>>): Check {
  const entries = Object.entries(properties).map(([key, schema]) => [key, `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, compile(schema)] as const);
  return (value, pointer, problems) => {
    if (!TYPE_TESTS.object(value)) return true;
    let valid = true;
    for (const [key, segment, check] of entries) {
      if (Object.hasOwn(value as object, key) && !check((value as Record<string, unknown>)[key], pointer + segment, problems)) valid = false;
    }
    return valid;
  };
}

function itemsCheck(check: Check): Check {
  return (value, pointer, problems) => {
    if (!Array.isArray(value)) return true;
    let valid = true;
    for (let index = 0; index < value.length; index++) if (!check(value[index], `${pointer}/${index}`, problems)) valid = false;
    return valid;
  };
}

function anyOfCheck(branches: Check[]): Check {
  return (value, pointer, problems) => {
    const branchProblems: SchemaProblem[] = [];
    for (const branch of branches) if (branch(value, pointer, branchProblems)) return true;
    // none fits: what each branch found, as validators that report all errors do, then the anyOf itself
    problems.push(...branchProblems, { pointer, keyword: 'anyOf' });
    return false;
  };
}
