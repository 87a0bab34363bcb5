/**
 * Switches the app's language; each option is named in its own language (WCAG 3.1.2: with its `lang`). The staff
 * app's editors are rebuilt in the new language, so unsaved work asks first (`leave-guard.ts`).
 */
import { useId } from 'react';
import { confirmLeaving } from '../routing/leave-guard.js';
import { useI18n } from './I18nProvider.js';
import { isLocale, LOCALES, type Locale } from './locale.js';

const NATIVE_NAMES: Record<Locale, string> = { de: 'Deutsch', en: 'English' };

export function LanguageSwitch({ label }: { label: string }) {
  const { locale, setLocale } = useI18n();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={locale} onChange={(event) => isLocale(event.target.value) && confirmLeaving() && setLocale(event.target.value)}>
        {LOCALES.map((option) => <option key={option} value={option} lang={option}>{NATIVE_NAMES[option]}</option>)}
      </select>
    </div>
  );
}
