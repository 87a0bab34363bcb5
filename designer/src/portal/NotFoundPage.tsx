import { usePageTitle } from '../shared/a11y/use-page-title.js';
import { Link } from '../shared/routing/router.js';
import { usePortalI18n } from './use-portal-i18n.js';

export function NotFoundPage() {
  const { t } = usePortalI18n();
  const headingRef = usePageTitle(t('portal.notFound'), t('portal.name'));
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('portal.notFound')}</h1>
      <p>{t('portal.notFoundText')}</p>
      <p><Link href="/">{t('portal.home')}</Link></p>
    </>
  );
}
