/**
 * The form shape check against ajv, the JSON Schema validator the server uses elsewhere, as the reference: for the
 * schemas the field behaviours write and any JSON value, both find the same problems at the same places.
 */
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { compileSchemaCheck } from './json-schema-check.js';

const LIMITS = { maxTextLength: 5, maxItems: 3 };
const text = { type: ['string', 'null'], maxLength: LIMITS.maxTextLength };
const optionValue = { type: ['string', 'number', 'boolean', 'object'], maxLength: LIMITS.maxTextLength };
const number = { anyOf: [{ type: 'number', exclusiveMinimum: -1e15, exclusiveMaximum: 1e15 }, { type: 'null' }, { const: '' }, { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', maxLength: 8 }] };
const checklist = { anyOf: [{ type: 'array', maxItems: LIMITS.maxItems, items: optionValue }, { type: 'null' }] };
const SCHEMA = {
  type: 'object',
  properties: {
    'owner/name~': text,
    owner: { type: 'object', properties: { email: text, agreed: { type: ['boolean', 'null'] } } },
    dogs: { type: 'array', maxItems: LIMITS.maxItems, items: { type: 'object', properties: { weight: number, breed: { anyOf: [optionValue, { type: 'null' }] }, tags: checklist } } },
    anything: {},
  },
};

const ajv = new Ajv({ allErrors: true, strict: false, messages: false });
const byAjv = ajv.compile(SCHEMA);
const ours = compileSchemaCheck(SCHEMA);

const shortText = fc.string({ maxLength: 7, unit: fc.constantFrom('a', '1', '.', '-', '😀', ' ') });
const leaf = fc.oneof(shortText, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant(''), fc.constant('12.5'));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('email', 'agreed', 'weight', 'breed', 'tags', 'x'), tie('node'), { maxKeys: 4 })),
})).node;
const dog = fc.record({ weight: fc.oneof(leaf, value), breed: fc.oneof(leaf, value), tags: fc.oneof(fc.array(leaf, { maxLength: 5 }), value) }, { requiredKeys: [] });
const submission = fc.record({
  'owner/name~': fc.oneof(leaf, value),
  owner: fc.oneof(fc.record({ email: fc.oneof(leaf, value), agreed: fc.oneof(leaf, value) }, { requiredKeys: [] }), value),
  dogs: fc.oneof(fc.array(dog, { maxLength: 5 }), value),
  anything: value,
}, { requiredKeys: [] });

const key = (pointer: string, keyword: string, limit?: number) => `${pointer} ${keyword}${limit === undefined ? '' : ` ${limit}`}`;

describe('the form shape check', () => {
  it('finds exactly the problems ajv finds, at the same places, with the same limits', () => {
    fc.assert(fc.property(submission, (submitted) => {
      const expected = byAjv(submitted) ? [] : (byAjv.errors ?? []).map((error) => {
        const limit = (error.params as { limit?: number }).limit;
        return key(error.instancePath, error.keyword, ['maxLength', 'maxItems'].includes(error.keyword) ? limit : undefined);
      });
      const found = ours(submitted).map((problem) => key(problem.pointer, problem.keyword, ['maxLength', 'maxItems'].includes(problem.keyword) ? problem.limit : undefined));
      expect(found.sort()).toEqual(expected.sort());
    }), { numRuns: 2000, seed: 20261129 });
  });

  it('counts text in characters, not UTF-16 units, as JSON Schema does', () => {
    const check = compileSchemaCheck({ type: 'string', maxLength: 2 });
    expect(check('😀😀')).toEqual([]);
    expect(check('😀😀😀')).toEqual([{ pointer: '', keyword: 'maxLength', limit: 2 }]);
  });

  it('refuses a keyword it does not know, so a field cannot rely on one that is not checked', () => {
    expect(() => compileSchemaCheck({ type: 'object', required: ['name'] })).toThrow('does not know the JSON Schema keyword required');
  });
});
