/**
 * The calendar of form-js's date fields (flatpickr) in the app's language: month and weekday names, the week starting
 * on Monday in German. flatpickr takes its language from a default set before a calendar is made; calendars made
 * before a change of language are switched by `form-js-markup.ts`.
 */
import flatpickr from 'flatpickr/dist/esm/index.js';
import { German } from 'flatpickr/dist/esm/l10n/de.js';
import { english } from 'flatpickr/dist/esm/l10n/default.js';
import type { CustomLocale } from 'flatpickr/dist/types/locale.js';
import type { Locale } from '../i18n/locale.js';

interface DatePicker {
  l10n: CustomLocale;
  set(option: 'locale', value: CustomLocale): void;
}

export function datePickerTexts(locale: Locale): CustomLocale {
  return locale === 'de' ? German : english;
}

/** Makes every calendar made from now on speak `locale`. */
export function setDatePickerLocale(locale: Locale): void {
  flatpickr.localize(datePickerTexts(locale));
}

/** The calendar flatpickr made for an input (it keeps it on the element), switched to `locale` unless it speaks it. */
export function switchDatePicker(input: Element, locale: Locale): void {
  const picker = (input as Element & { _flatpickr?: DatePicker })._flatpickr;
  const texts = datePickerTexts(locale);
  if (picker && picker.l10n.months.longhand[0] !== texts.months.longhand[0]) picker.set('locale', texts);
}
