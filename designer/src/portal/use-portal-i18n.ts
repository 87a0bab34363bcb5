/** The portal's binding of the one i18n layer to its own message keys. */
import { useI18n, type I18n } from '../shared/i18n/I18nProvider.js';
import type { PortalMessageKey } from './portal-messages.js';

export const usePortalI18n = useI18n as () => I18n<PortalMessageKey>;

/** A date and time as the citizen reads it, in the portal's language. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (`YYYY-MM-DD`, as form-js keeps a date field's value) as the citizen reads it: 01.04.1980. */
export function formatDate(isoDate: string, locale: string): string {
  // Read and shown in UTC, so the day does not move with the browser's time zone.
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
