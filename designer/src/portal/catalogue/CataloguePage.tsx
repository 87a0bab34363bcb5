/** The catalogue at `/`: every published service, each a link to its form. */
import { useEffect, useState } from 'react';
import { usePageTitle } from '../../shared/a11y/use-page-title.js';
import { Link } from '../../shared/routing/router.js';
import { FOUND_ITEMS_PATH } from '../found-items/found-items-path.js';
import { portalApi, type PortalService } from '../portal-api.js';
import { usePortalI18n } from '../use-portal-i18n.js';

type Loaded = { status: 'loading' } | { status: 'loaded'; services: PortalService[] } | { status: 'failed'; detail: string };

export function CataloguePage() {
  const { t } = usePortalI18n();
  const headingRef = usePageTitle(t('catalogue.title'), t('portal.name'));
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    portalApi.services().then(
      (services) => current && setLoaded({ status: 'loaded', services }),
      (error: Error) => current && setLoaded({ status: 'failed', detail: error.message }),
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('catalogue.title')}</h1>
      <p>{t('catalogue.intro')}</p>
      <div aria-live="polite">
        {loaded.status === 'loading' ? <p className="loading">{t('portal.loading')}</p> : null}
        {loaded.status === 'failed' ? <p className="notice notice--error">{t('portal.failed', { detail: loaded.detail })}</p> : null}
        {loaded.status === 'loaded' && loaded.services.length === 0 ? <p>{t('catalogue.empty')}</p> : null}
      </div>
      {loaded.status === 'loaded' && loaded.services.length > 0 ? (
        <ul className="service-list" aria-label={t('catalogue.listLabel')}>
          {loaded.services.map((service) => (
            <li key={service.id} className="service-list__item">
              <Link className="service-list__link" href={`/services/${encodeURIComponent(service.id)}`}>{service.title}</Link>
              {service.description ? <p className="service-list__description">{service.description}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{t('catalogue.foundItemsTitle')}</h2>
      <p><Link href={FOUND_ITEMS_PATH}>{t('catalogue.foundItemsLink')}</Link></p>
    </>
  );
}
