/**
 * A submission's status at `/status/:statusToken`: where the case stands, when, and the files the citizen sent; for
 * an open case of a service that takes them, the form to hand in documents later.
 */
import { useCallback, useEffect, useState } from 'react';
import { usePageTitle } from '../../shared/a11y/use-page-title.js';
import { ApiProblem } from '../../shared/http/api-problem.js';
import { formatFileSize } from '../../shared/i18n/file-size.js';
import { Link } from '../../shared/routing/router.js';
import { portalApi, type SubmissionStatus } from '../portal-api.js';
import { formatDateTime, usePortalI18n } from '../use-portal-i18n.js';
import { LaterDocumentsForm } from './LaterDocumentsForm.js';

type Loaded = { status: 'loading' } | { status: 'loaded'; submission: SubmissionStatus } | { status: 'failed'; message: string };

export function StatusPage({ statusToken }: { statusToken: string }) {
  const { t, locale } = usePortalI18n();
  const headingRef = usePageTitle(t('status.title'), t('portal.name'));
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  const load = useCallback((isCurrent: () => boolean = () => true) => {
    portalApi.status(statusToken).then(
      (submission) => isCurrent() && setLoaded({ status: 'loaded', submission }),
      (error: Error) => isCurrent() && setLoaded({ status: 'failed', message: error instanceof ApiProblem && error.status === 404 ? 'not-found' : error.message }),
    );
  }, [statusToken]);

  useEffect(() => {
    let current = true;
    load(() => current);
    return () => {
      current = false;
    };
  }, [load]);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('status.title')}</h1>
      {loaded.status === 'loading' ? <p className="loading" aria-live="polite">{t('portal.loading')}</p> : null}
      {loaded.status === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {loaded.message === 'not-found' ? t('status.notFound') : t('portal.failed', { detail: loaded.message })}
        </p>
      ) : null}
      {loaded.status === 'loaded' ? <StatusFacts submission={loaded.submission} statusToken={statusToken} locale={locale} /> : null}
      {loaded.status === 'loaded' && loaded.submission.acceptsLaterDocuments ? <LaterDocumentsForm statusToken={statusToken} onHandedIn={() => load()} /> : null}
      <p><Link href="/">{t('portal.home')}</Link></p>
    </>
  );
}

function StatusFacts({ submission, statusToken, locale }: { submission: SubmissionStatus; statusToken: string; locale: string }) {
  const { t } = usePortalI18n();
  return (
    <>
      <dl className="facts">
        <div><dt>{t('status.service')}</dt><dd>{submission.service.title}</dd></div>
        <div><dt>{t('status.reference')}</dt><dd className="facts__reference">{submission.reference}</dd></div>
        <div><dt>{t('status.state')}</dt><dd className={`case-state case-state--${submission.state}`}>{t(`status.${submission.state}`)}</dd></div>
        <div><dt>{t('status.submittedAt')}</dt><dd>{formatDateTime(submission.submittedAt, locale)}</dd></div>
        {submission.closedAt ? <div><dt>{t('status.closedAt')}</dt><dd>{formatDateTime(submission.closedAt, locale)}</dd></div> : null}
      </dl>
      <h2>{t('status.files')}</h2>
      {submission.attachments.length === 0 ? <p>{t('status.noFiles')}</p> : (
        <ul className="file-list">
          {submission.attachments.map((file) => (
            <li key={file.id}>
              <a href={portalApi.attachmentUrl(statusToken, file.id)} download={file.name}>{t('status.download', { name: file.name, size: formatFileSize(file.size, locale) })}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
