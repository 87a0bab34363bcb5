/** Gives React components the current locale, its translator and a way to switch; keeps `<html lang>` in step. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { http } from '../http/http-client.js';
import { initialLocale, rememberLocale, type Locale } from './locale.js';
import { createTranslator, type Catalogues, type Translator } from './translator.js';

export interface I18n<K extends string> extends Translator<K> {
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18n<string> | undefined>(undefined);

export function I18nProvider<K extends string>({ catalogues, children }: { catalogues: Catalogues<K>; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    http.setLanguage(locale);
  }, [locale]);
  const value = useMemo(() => ({ ...createTranslator(locale, catalogues), setLocale }), [locale, catalogues, setLocale]);
  return <I18nContext.Provider value={value as unknown as I18n<string>}>{children}</I18nContext.Provider>;
}

/** Each app binds this to its message keys: `export const useStaffI18n = useI18n as () => I18n<StaffMessageKey>`. */
export function useI18n<K extends string>(): I18n<K> {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside an I18nProvider');
  return i18n as unknown as I18n<K>;
}
