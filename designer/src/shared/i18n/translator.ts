/**
 * The one i18n layer: an app's messages are catalogues keyed by message id, one per locale, with `{name}`
 * placeholders. The libraries' own English strings (bpmn-js, its properties panel, form-js) go through
 * `libraryTranslate`, which looks the English text up in a catalogue of the current locale and falls back to it.
 */
import type { Locale } from './locale.js';

export type Catalogue<K extends string> = Readonly<Record<K, string>>;
export type Catalogues<K extends string> = Readonly<Record<Locale, Catalogue<K>>>;
export type Replacements = Readonly<Record<string, string | number>>;

export interface Translator<K extends string> {
  readonly locale: Locale;
  t(key: K, replacements?: Replacements): string;
}

export function interpolate(template: string, replacements: Replacements = {}): string {
  return template.replace(/{([^}]+)}/g, (whole, name: string) => (name in replacements ? String(replacements[name]) : whole));
}

export function createTranslator<K extends string>(locale: Locale, catalogues: Catalogues<K>): Translator<K> {
  const catalogue = catalogues[locale];
  return { locale, t: (key, replacements) => interpolate(catalogue[key], replacements) };
}

/** A `translate(template, replacements)` as bpmn-js and form-js call it: English text in, the locale's text out. */
export type LibraryTranslate = (template: string, replacements?: Replacements) => string;

export function libraryTranslate(translations: Readonly<Record<string, string>> | undefined): LibraryTranslate {
  return (template, replacements) => interpolate(translations?.[template] ?? template, replacements);
}
