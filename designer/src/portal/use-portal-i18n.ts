/** The portal's binding of the one i18n layer to its own message keys. */
import { useI18n, type I18n } from '../shared/i18n/I18nProvider.js';
import type { PortalMessageKey } from './portal-messages.js';

export const usePortalI18n = useI18n as () => I18n<PortalMessageKey>;

/** A date and time as the citizen reads it, in the portal's language. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}
