/** The citizen portal's frame (skip link, header with the language, main) and its pages by path. */
import { lazy, Suspense } from 'react';
import { Link, matchPath, Router, useRouter } from '../shared/routing/router.js';
import { LanguageSwitch } from '../shared/i18n/LanguageSwitch.js';
import { ServicePage } from './apply/ServicePage.js';
import { CataloguePage } from './catalogue/CataloguePage.js';
import { FOUND_ITEMS_PATH } from './found-items/found-items-path.js';
import { NotFoundPage } from './NotFoundPage.js';
import { StatusPage } from './status/StatusPage.js';
import { usePortalI18n } from './use-portal-i18n.js';

const FoundItemsPage = lazy(() => import('./found-items/FoundItemsPage.js'));

export function PortalApp() {
  return (
    <Router>
      <PortalFrame />
    </Router>
  );
}

function PortalFrame() {
  const { t } = usePortalI18n();
  return (
    <>
      <a className="skip-link" href="#main">{t('portal.skipToContent')}</a>
      <header className="portal-header">
        <Link className="portal-header__name" href="/">{t('portal.name')}</Link>
        <LanguageSwitch label={t('portal.language')} />
      </header>
      <main id="main" tabIndex={-1} className="portal-main">
        <PortalPage />
      </main>
    </>
  );
}

function PortalLoading() {
  const { t } = usePortalI18n();
  return <p className="loading">{t('portal.loading')}</p>;
}

function PortalPage() {
  const { path } = useRouter();
  if (path === '/' || path === '/index.html') return <CataloguePage />;
  const service = matchPath('/services/:serviceId', path);
  // Keyed, so that another service starts with a fresh form and a fresh idempotency key.
  if (service) return <ServicePage key={service.serviceId} serviceId={service.serviceId} />;
  const status = matchPath('/status/:statusToken', path);
  if (status) return <StatusPage key={status.statusToken} statusToken={status.statusToken} />;
  if (path === FOUND_ITEMS_PATH) return <Suspense fallback={<PortalLoading />}><FoundItemsPage /></Suspense>;
  return <NotFoundPage />;
}
