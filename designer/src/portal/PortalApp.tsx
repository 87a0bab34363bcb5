/** The citizen portal's frame. Its pages (services, forms, status) come with the portal API. */
import { useEffect } from 'react';
import { useI18n } from '../shared/i18n/I18nProvider.js';
import { LanguageSwitch } from '../shared/i18n/LanguageSwitch.js';
import type { PortalMessageKey } from './portal-messages.js';

export function PortalApp() {
  const { t } = useI18n<PortalMessageKey>();
  useEffect(() => {
    document.title = t('portal.name');
  }, [t]);
  return (
    <>
      <a className="skip-link" href="#main">{t('portal.skipToContent')}</a>
      <header className="portal-header">
        <span className="portal-header__name">{t('portal.name')}</span>
        <LanguageSwitch label={t('portal.language')} />
      </header>
      <main id="main" tabIndex={-1} className="portal-main">
        <h1>{t('portal.welcome')}</h1>
        <p>{t('portal.intro')}</p>
      </main>
    </>
  );
}
