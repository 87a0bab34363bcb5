/** Declarations are checked once, when they are defined, and inputs are described field by field. */
import { describe, expect, it } from '@jest/globals';
import { defineConnector, type ConnectorDeclaration } from './define-connector.js';

const valid: ConnectorDeclaration<unknown, unknown> = {
  type: 'test:echo:1',
  name: 'Echo',
  description: 'Returns its input',
  input: {
    type: 'object',
    required: ['to'],
    properties: {
      to: { type: 'string', format: 'email' },
      copies: { type: 'integer', minimum: 1, default: 1 },
      attachments: { type: 'array', items: { type: 'object', required: ['documentId'], properties: { documentId: { type: 'string' } } } },
    },
  },
  async run(input) {
    return input;
  },
};

describe('defineConnector', () => {
  it('fills in the defaults of a declaration', () => {
    expect(defineConnector(valid)).toMatchObject({ version: 1, timeoutMs: 60_000, retries: 3, retryBackoff: { initialMs: 1000, maxMs: 300_000 }, errors: [] });
  });

  it('refuses a declaration with every problem listed', () => {
    const broken = {
      ...valid,
      type: 'has spaces',
      timeoutMs: 0,
      errors: [{ code: 'X', description: '' }, { code: 'X', description: '' }],
      input: {
        type: 'object' as const,
        required: ['missing'],
        properties: {
          'bad-name': { type: 'string' as const },
          resultVariable: { type: 'string' as const },
          nested: { type: 'object' as const, 'x-template': { binding: 'header' as const } },
          shown: { type: 'string' as const, 'x-template': { group: 'nowhere', condition: { property: 'ghost', equals: 'x' } } },
        },
      },
    };
    expect(() => defineConnector(broken)).toThrow([
      "Connector 'has spaces' is not declared correctly:",
      "  type must be a job type like 'amtsflow:mail:1', got 'has spaces'",
      "  input property 'bad-name' must be a plain variable name (letters, digits, _)",
      "  input property 'resultVariable' is reserved for the result mapping",
      "  input property 'nested' is bound to a task header, which holds only a string, number or boolean",
      "  input property 'shown' uses the undeclared group 'nowhere'",
      "  input property 'shown' depends on 'ghost', which is not a property",
      "  input requires 'missing', which is not a property",
      '  error codes must be unique',
      '  timeoutMs must be a positive integer',
    ].join('\n'));
  });

  it('refuses a schema ajv cannot compile', () => {
    const broken = { ...valid, input: { type: 'object' as const, properties: { to: { type: 'text' as never } } } };
    expect(() => defineConnector(broken)).toThrow('The input schema is not a valid JSON Schema');
  });

  it('names each invalid field of an input and fills in defaults', () => {
    const connector = defineConnector(valid);
    expect(connector.checkInput({ to: 'nobody', attachments: [{}] })).toEqual([
      "input 'to' must match format \"email\"",
      "input 'attachments[0].documentId' is required",
    ]);
    const input: Record<string, unknown> = { to: 'a@example.org' };
    expect(connector.checkInput(input)).toEqual([]);
    expect(input.copies).toBe(1);
  });
});
