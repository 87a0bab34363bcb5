/**
 * form-js in the app's language, for any component that renders form-js forms: the `translate` module to create them
 * with, and the corrections of their markup (`form-js-markup.ts`), both following the language as it changes, the
 * date fields' calendars included.
 */
import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../i18n/locale.js';
import { setDatePickerLocale } from './date-picker-locale.js';
import { correctFormJsMarkup, type FormJsMarkup } from './form-js-markup.js';
import { formJsTranslate, formJsTranslateModule } from './form-js-texts.js';

export interface FormJsLanguage {
  /** For a form-js form's `additionalModules`. */
  modules: Record<string, unknown>[];
  /** Starts correcting the markup of the forms in `container`; disconnect it with the forms. */
  correctMarkup(container: HTMLElement): FormJsMarkup;
}

export function useFormJsLanguage(locale: Locale): FormJsLanguage {
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const markups = useRef(new Set<FormJsMarkup>());
  const [language] = useState<FormJsLanguage>(() => {
    const currentLocale = () => localeRef.current;
    const translate = formJsTranslate(currentLocale);
    return {
      modules: [formJsTranslateModule(translate)],
      correctMarkup(container) {
        const markup = correctFormJsMarkup(container, translate, currentLocale);
        markups.current.add(markup);
        return { refresh: markup.refresh, disconnect: () => { markup.disconnect(); markups.current.delete(markup); } };
      },
    };
  });
  // Also on the first render, after the forms began: form-js makes its calendars later, in effects of its own.
  useEffect(() => {
    setDatePickerLocale(locale);
    for (const markup of markups.current) markup.refresh();
  }, [locale]);
  return language;
}
