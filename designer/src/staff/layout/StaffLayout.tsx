/** The frame of every signed-in page: skip link, header with the areas of the user's roles, language, sign-out. */
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../shared/i18n/LanguageSwitch.js';
import { Link, useRouter } from '../../shared/routing/router.js';
import type { StaffUser } from '../auth/auth-api.js';
import { useSession } from '../auth/SessionProvider.js';
import { areasOf, openableArea } from '../auth/staff-areas.js';
import { useStaffI18n } from '../i18n/use-staff-i18n.js';
import './staff-pages.css';

export function StaffLayout({ user, children, wide = false }: { user: StaffUser; children: ReactNode; wide?: boolean }) {
  const { t } = useStaffI18n();
  const { path } = useRouter();
  const { signOut } = useSession();
  const areas = areasOf(user);
  const currentArea = openableArea(user, path);
  return (
    <>
      <a className="skip-link" href="#main">{t('layout.skipToContent')}</a>
      <header className="staff-header">
        <Link className="staff-header__brand" href="/staff/">{t('app.name')}</Link>
        <nav aria-label={t('layout.mainNavigation')} className="staff-nav">
          <ul>
            {areas.map((area) => {
              const current = area.id === currentArea?.id;
              return (
                <li key={area.id}>
                  <Link href={area.path} aria-current={current ? 'page' : undefined}>{t(area.label)}</Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="staff-header__user" role="group" aria-label={t('layout.userMenu')}>
          <span className="staff-header__name">{t('layout.signedInAs', { name: user.displayName })}</span>
          <LanguageSwitch label={t('layout.language')} />
          <button type="button" className="button button--quiet" onClick={() => void signOut()}>{t('layout.signOut')}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={wide ? 'staff-main staff-main--wide' : 'staff-main'}>
        {children}
      </main>
    </>
  );
}

/** The frame of the pages before sign-in: no navigation, but the language can be chosen. */
export function SignedOutLayout({ children }: { children: ReactNode }) {
  const { t } = useStaffI18n();
  return (
    <>
      <a className="skip-link" href="#main">{t('layout.skipToContent')}</a>
      <header className="staff-header">
        <span className="staff-header__brand">{t('app.name')}</span>
        <div className="staff-header__user">
          <LanguageSwitch label={t('layout.language')} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="staff-main staff-main--narrow">{children}</main>
    </>
  );
}
