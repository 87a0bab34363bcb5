/** The staff app: the session decides between sign-in, the forced password change and the routes of the user's areas. */
import { lazy, Suspense, useEffect } from 'react';
import { usePageTitle } from '../shared/a11y/use-page-title.js';
import { matchPath, useRouter } from '../shared/routing/router.js';
import type { StaffUser } from './auth/auth-api.js';
import { PasswordChangePage } from './auth/PasswordChangePage.js';
import { useSession } from './auth/SessionProvider.js';
import { SignInPage } from './auth/SignInPage.js';
import { areasOf, openableArea } from './auth/staff-areas.js';
import { useStaffI18n } from './i18n/use-staff-i18n.js';
import { SignedOutLayout, StaffLayout } from './layout/StaffLayout.js';

// The designer carries bpmn-js and form-js: loaded only when a process manager opens it.
const DesignerRoutes = lazy(() => import('./designer/DesignerRoutes.js').then((module) => ({ default: module.DesignerRoutes })));
// The task list's form viewer and operations' diagram viewer are chunks of their own as well, loaded by those pages.
const TaskRoutes = lazy(() => import('./tasks/TaskRoutes.js').then((module) => ({ default: module.TaskRoutes })));
const OperationsRoutes = lazy(() => import('./operations/OperationsRoutes.js').then((module) => ({ default: module.OperationsRoutes })));
const InvoiceRoutes = lazy(() => import('./invoices/InvoiceRoutes.js').then((module) => ({ default: module.InvoiceRoutes })));

const AREA_ROUTES = { designer: DesignerRoutes, tasks: TaskRoutes, operations: OperationsRoutes, invoices: InvoiceRoutes } as const;

export function StaffApp() {
  const { state } = useSession();
  const { t } = useStaffI18n();
  if (state.status === 'loading') return <p className="loading" role="status">{t('common.loading')}</p>;
  if (state.status === 'signed-out') return <SignedOutLayout><SignInPage sessionEnded={state.ended} /></SignedOutLayout>;
  const { user } = state.session;
  if (user.mustChangePassword) return <SignedOutLayout><PasswordChangePage /></SignedOutLayout>;
  return <SignedInRoutes user={user} />;
}

function SignedInRoutes({ user }: { user: StaffUser }) {
  const { path } = useRouter();
  const { t } = useStaffI18n();
  const loading = <p className="loading" role="status">{t('common.loading')}</p>;
  if (matchPath('/staff', path)) return <StaffLayout user={user}><HomePage user={user} /></StaffLayout>;
  const area = openableArea(user, path);
  if (area) {
    const AreaRoutes = AREA_ROUTES[area.id];
    return <Suspense fallback={<StaffLayout user={user}>{loading}</StaffLayout>}><AreaRoutes user={user} /></Suspense>;
  }
  return <StaffLayout user={user}><NotFoundPage /></StaffLayout>;
}

/** Opens the user's first area; a user whose roles have no area yet is told so. */
function HomePage({ user }: { user: StaffUser }) {
  const { t } = useStaffI18n();
  const { navigate } = useRouter();
  const headingRef = usePageTitle(t('home.title'), t('app.name'));
  const [first] = areasOf(user);
  useEffect(() => {
    if (first) navigate(first.path, { replace: true });
  }, [first, navigate]);
  if (first) return null;
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('home.title')}</h1>
      <p>{t('home.noAreas', { roles: user.roles.map((role) => t(`role.${role}`)).join(', ') })}</p>
    </>
  );
}

function NotFoundPage() {
  const { t } = useStaffI18n();
  const headingRef = usePageTitle(t('error.notFoundTitle'), t('app.name'));
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('error.notFoundTitle')}</h1>
      <p>{t('error.notFound')}</p>
    </>
  );
}
