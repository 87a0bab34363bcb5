/**
 * A service's page at `/services/:serviceId`: its form (a lazily loaded chunk with form-js, fetched together with
 * the service's data), and once sent, the receipt with the reference number and the status link.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { usePageTitle } from '../../shared/a11y/use-page-title.js';
import { ApiProblem } from '../../shared/http/api-problem.js';
import { Link } from '../../shared/routing/router.js';
import { portalApi, type Receipt, type ServiceForm } from '../portal-api.js';
import { formatDateTime, usePortalI18n } from '../use-portal-i18n.js';

const loadApplicationForm = () => import('./ApplicationForm.js');
const ApplicationForm = lazy(loadApplicationForm);

type Loaded =
  | { status: 'loading' }
  | { status: 'open'; serviceForm: ServiceForm }
  | { status: 'received'; serviceForm: ServiceForm; receipt: Receipt }
  | { status: 'failed'; message: string };

export function ServicePage({ serviceId }: { serviceId: string }) {
  const { t } = usePortalI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const title = loaded.status === 'received' ? t('receipt.title')
    : loaded.status === 'open' ? loaded.serviceForm.service.title
      : loaded.status === 'failed' ? t('portal.notFound') : t('portal.loading');
  const headingRef = usePageTitle(title, t('portal.name'));

  useEffect(() => {
    let current = true;
    // The form's chunk loads alongside the service's data, not after it; a failure shows when the form renders.
    loadApplicationForm().catch(() => {});
    portalApi.form(serviceId).then(
      (serviceForm) => current && setLoaded({ status: 'open', serviceForm }),
      (error: Error) => {
        if (!current) return;
        const message = error instanceof ApiProblem && error.status === 404 ? t('apply.notFound')
          : error instanceof ApiProblem && error.status === 409 ? t('apply.unavailable')
            : t('portal.failed', { detail: error.message });
        setLoaded({ status: 'failed', message });
      },
    );
    return () => {
      current = false;
    };
    // Loaded once per service: switching the language keeps what the citizen entered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serviceId]);

  if (loaded.status === 'received') return <ReceiptView receipt={loaded.receipt} serviceTitle={loaded.serviceForm.service.title} />;
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{title}</h1>
      {loaded.status === 'loading' ? <p className="loading" aria-live="polite">{t('portal.loading')}</p> : null}
      {loaded.status === 'failed' ? (
        <>
          <p className="notice notice--error" role="alert">{loaded.message}</p>
          <p><Link href="/">{t('portal.home')}</Link></p>
        </>
      ) : null}
      {loaded.status === 'open' ? (
        <>
          {loaded.serviceForm.service.description ? <p>{loaded.serviceForm.service.description}</p> : null}
          <Suspense fallback={<p className="loading">{t('portal.loading')}</p>}>
            <ApplicationForm serviceForm={loaded.serviceForm} onReceived={(receipt) => setLoaded({ status: 'received', serviceForm: loaded.serviceForm, receipt })} />
          </Suspense>
        </>
      ) : null}
    </>
  );
}

function ReceiptView({ receipt, serviceTitle }: { receipt: Receipt; serviceTitle: string }) {
  const { t, locale } = usePortalI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${t('receipt.title')} – ${t('portal.name')}`;
  }, [t]);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('receipt.title')}</h1>
      <div className="notice notice--success">
        <p>{t('receipt.intro')}</p>
      </div>
      <dl className="facts">
        <div><dt>{t('status.service')}</dt><dd>{serviceTitle}</dd></div>
        <div><dt>{t('receipt.reference')}</dt><dd className="facts__reference">{receipt.reference}</dd></div>
        <div><dt>{t('receipt.submittedAt')}</dt><dd>{formatDateTime(receipt.submittedAt, locale)}</dd></div>
      </dl>
      <p>{t('receipt.statusHint')}</p>
      <p><Link className="button button--primary" href={`/status/${encodeURIComponent(receipt.statusToken)}`}>{t('receipt.statusLink')}</Link></p>
    </>
  );
}
