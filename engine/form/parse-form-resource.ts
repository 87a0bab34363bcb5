/** A deployed `.form` resource (a form-js schema as JSON) → its form id and schema text, or why it cannot be deployed. */
import { checkResourceSize } from '../xml/index.js';
import { fail, ok, type Result } from '../result.js';
import { findJsonSyntaxError } from './json-syntax-error.js';

export interface ParsedForm {
  /** The schema's `id`, by which user tasks link the form (`zeebe:formDefinition formId`). */
  formId: string;
  /** The schema as deployed, for Tasklist-style clients to render. */
  schema: string;
}

/** The deployment puts the resource name in front of a rejection's message. */
export function parseFormResource(content: Buffer | string, _resourceName: string): Result<ParsedForm> {
  const size = checkResourceSize(content);
  if (!size.ok) return size;
  const text = decodeUtf8(content);
  if (text === undefined) return fail('Not valid UTF-8 text');
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch {
    const error = findJsonSyntaxError(text);
    return fail(`Not valid JSON: ${error ? `${error.reason} at line ${error.line}, column ${error.column}` : 'unreadable'}`);
  }
  const formId = typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? (schema as { id?: unknown }).id : undefined;
  if (typeof formId !== 'string' || formId.trim() === '') {
    return fail("Expected the form schema to be a JSON object with a non-empty string property 'id' (the form id)");
  }
  return ok({ formId, schema: text });
}

function decodeUtf8(content: Buffer | string): string | undefined {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  try {
    // TextDecoder drops a leading byte order mark itself
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return undefined;
  }
}
