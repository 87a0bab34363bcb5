/** Small readers of element values shared by the UBL and CII readers: trimmed text, decimals, dates. */
import { Decimal } from '../decimal.js';
import type { XmlElement } from './namespaced-xml.js';

/** The element's text with surrounding white space removed, or undefined when the element or its text is missing. */
export function textOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const text = element.text.trim();
  return text === '' ? undefined : text;
}

/** The element's text as written, for values whose line breaks carry meaning; undefined when it is blank. */
export function untrimmedTextOf(element: XmlElement | undefined): string | undefined {
  return element && element.text.trim() !== '' ? element.text : undefined;
}

/** A monetary amount in canonical form with at least two fraction digits; text that is no decimal is kept as is. */
export function amountOf(element: XmlElement | undefined): string | undefined {
  const text = textOf(element);
  if (text === undefined) return undefined;
  return Decimal.parse(text)?.toString(2) ?? text;
}

/** A quantity, price or rate in canonical form, without trailing zeros (`30.0000` → `30`); text that is no decimal is kept. */
export function decimalTextOf(element: XmlElement | undefined): string | undefined {
  const text = textOf(element);
  if (text === undefined) return undefined;
  return Decimal.parse(text)?.stripTrailingZeros().toString() ?? text;
}

export function attributeOf(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.attributes.get(name)?.trim();
  return value === '' ? undefined : value;
}

/** `YYYYMMDD` (CII format 102) to `YYYY-MM-DD`; other text is kept as written. */
export function isoDateFromFormat102(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : text;
}

/** Drops properties whose value is undefined, so absent elements are absent keys in the JSON. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** An object whose every property is undefined stands for an absent group. */
export function presentOrUndefined<T extends object>(value: T): T | undefined {
  const compacted = compact(value);
  return Object.keys(compacted).length === 0 ? undefined : compacted;
}

export function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
