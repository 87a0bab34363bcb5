/**
 * German for what form-js's viewer says itself (its live checks on leaving a field, the file picker, the select),
 * through its `translate` service, in the portal and the task list alike. Some of its texts form-js writes without
 * `translate` ("Browse", "Select", "Search", a list item's remove button, the date's placeholder);
 * `form-js-markup.ts` puts these translations there, and `date-picker-locale.ts` speaks German in the calendar.
 */
import type { Locale } from '../i18n/locale.js';
import { libraryTranslate, type LibraryTranslate } from '../i18n/translator.js';

const GERMAN: Readonly<Record<string, string>> = {
  'Field is required.': 'Dieses Feld ist ein Pflichtfeld.',
  'Field must be a valid email.': 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  'Field must be a valid international phone number. (e.g. +4930664040900)': 'Bitte geben Sie eine gültige internationale Telefonnummer ein (z. B. +4930664040900).',
  'Field must have maximum length of {value}.': 'Höchstens {value} Zeichen.',
  'Field must have minimum length of {value}.': 'Mindestens {value} Zeichen.',
  'Field must have maximum value of {value}.': 'Höchstens {value}.',
  'Field must have minimum value of {value}.': 'Mindestens {value}.',
  'Field must match pattern {value}.': 'Die Eingabe hat nicht die erwartete Form.',
  'Value is not a number.': 'Bitte geben Sie eine Zahl ein.',
  'Value is expected to be an integer.': 'Bitte geben Sie eine ganze Zahl ein.',
  'Value is expected to have at most 1 decimal digit.': 'Höchstens eine Nachkommastelle.',
  'Value is expected to have at most {value} decimal digits.': 'Höchstens {value} Nachkommastellen.',
  'Date and time must both be entered.': 'Bitte geben Sie Datum und Uhrzeit an.',
  'Browse': 'Datei auswählen',
  'No files selected': 'Keine Datei ausgewählt',
  '{value} files selected': '{value} Dateien ausgewählt',
  'Add new': 'Hinzufügen',
  'Remove list item {value}': 'Eintrag {value} entfernen',
  'Remove tag': 'Entfernen',
  'Search': 'Suchen',
  'Select': 'Bitte auswählen',
  'Increment': 'Erhöhen',
  'Decrement': 'Verringern',
  // The parts of a date field's placeholder, which form-js writes in the browser's order (`dd.mm.yyyy`).
  'dd': 'TT',
  'mm': 'MM',
  'yyyy': 'JJJJ',
};

/** form-js's `translate` for the language the app shows at the moment of each call. */
export function formJsTranslate(currentLocale: () => Locale): LibraryTranslate {
  const german = libraryTranslate(GERMAN);
  const english = libraryTranslate(undefined);
  return (template, replacements) => (currentLocale() === 'de' ? german : english)(template, replacements);
}

/** The module that gives a form-js form this `translate`. */
export function formJsTranslateModule(translate: LibraryTranslate): Record<string, unknown> {
  return { translate: ['value', translate] };
}
