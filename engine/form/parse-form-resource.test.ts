import { readFileSync } from 'node:fs';
import { MAX_RESOURCE_BYTES } from '../xml/index.js';
import { parseFormResource } from './index.js';

const FIXTURE = new URL('../../../shared/zeebe-fixtures/testdata/form_1.form', import.meta.url);

describe('form resources', () => {
  it('reads the form id of a form deployed by zeebe-node and keeps the schema text', () => {
    const content = readFileSync(FIXTURE);
    expect(parseFormResource(content, 'form_1.form')).toEqual({ ok: true, value: { formId: 'Form_07zfo8o', schema: content.toString('utf8') } });
  });

  it('accepts a string and drops a byte order mark', () => {
    const result = parseFormResource('\uFEFF{"id":"hund-anmelden","components":[]}', 'hund.form');
    expect(result).toEqual({ ok: true, value: { formId: 'hund-anmelden', schema: '{"id":"hund-anmelden","components":[]}' } });
  });

  it('rejects invalid JSON with the line and column', () => {
    expect(parseFormResource('{\n  "id": "a",\n  "components": [}\n}', 'broken.form'))
      .toEqual({ ok: false, failure: { message: "Not valid JSON: unexpected '}', expected a value at line 3, column 18" } });
  });

  it.each([
    ['[]', 'an array'],
    ['{"components":[]}', 'no id'],
    ['{"id":""}', 'an empty id'],
    ['{"id":42}', 'a number as id'],
  ])('rejects a schema with %s', (schema) => {
    expect(parseFormResource(schema, 'x.form')).toEqual({
      ok: false,
      failure: { message: "Expected the form schema to be a JSON object with a non-empty string property 'id' (the form id)" },
    });
  });

  it('rejects a form larger than the resource limit', () => {
    const huge = Buffer.alloc(MAX_RESOURCE_BYTES + 1, ' ');
    expect(parseFormResource(huge, 'huge.form'))
      .toEqual({ ok: false, failure: { message: `The resource is ${huge.length} bytes, larger than the limit of ${MAX_RESOURCE_BYTES} bytes` } });
  });

  it('rejects bytes that are not UTF-8', () => {
    expect(parseFormResource(Buffer.from([0x7b, 0xff, 0x7d]), 'x.form')).toEqual({ ok: false, failure: { message: 'Not valid UTF-8 text' } });
  });
});
