/** Zeebe's convention for attribute values: a leading `=` makes the rest a FEEL expression, anything else is static. */
import type { ValueOrExpression } from './model.js';

function feelBody(raw: string): string | undefined {
  const trimmed = raw.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : undefined;
}

function valueOrExpression(raw: string): ValueOrExpression {
  const source = feelBody(raw);
  return source === undefined ? { kind: 'static', value: raw } : { kind: 'feel', source };
}

/** An optional attribute: absent or blank means "not set". */
export function optionalValueOrExpression(raw: string | undefined): ValueOrExpression | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : valueOrExpression(raw);
}

/** A mapping source as FEEL: static values (allowed by Zeebe) become string literals, a missing source is `null`. */
export function mappingSourceAsFeel(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return 'null';
  return feelBody(raw) ?? JSON.stringify(raw);
}

/** Where Zeebe accepts only an expression (conditions, scripts): the FEEL source, or the message Zeebe gives. */
export function requiredExpression(raw: string): { source: string } | { error: string } {
  const source = feelBody(raw);
  return source === undefined
    ? { error: `Expected expression but found static value '${raw}'. An expression must start with '=' (e.g. '=${raw}').` }
    : { source };
}
