/** Reads keys and JSON variable documents from gateway requests, rejecting what Zeebe's gateway rejects. */
import { invalidArgument } from '../processing/commands/rejection.js';

/** A 64-bit key sent as a decimal string; anything else cannot name an existing entity. */
export function readKey(value: string | number | undefined, field: string): number {
  const text = String(value ?? '');
  if (!/^-?\d+$/.test(text)) throw invalidArgument(`Expected '${field}' to be a key, but got '${text}'`);
  return Number(text);
}

export function readVariables(text: string | undefined, field = 'variables'): Record<string, unknown> {
  if (text === undefined || text.trim() === '') return {};
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw invalidArgument(`Expected argument '${field}' to be a valid JSON document, but got error: ${(error as Error).message}`);
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    const kind = document === null ? 'NIL' : Array.isArray(document) ? 'ARRAY' : (typeof document).toUpperCase();
    throw invalidArgument(`Expected document to be a root level object, but was '${kind}'`);
  }
  return document as Record<string, unknown>;
}

/** Durations arrive as int64 milliseconds in strings. */
export function readMillis(value: string | number | undefined): number {
  const number = Number(value ?? 0);
  return Number.isFinite(number) ? number : 0;
}
