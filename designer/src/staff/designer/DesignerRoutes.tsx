/** The designer's pages: the overview, the modeler, the form editor and the DMN editor (new, or a deployed id with `?version=`). */
import { lazy, Suspense } from 'react';
import { matchPath, useRouter } from '../../shared/routing/router.js';
import type { StaffUser } from '../auth/auth-api.js';
import { useStaffI18n } from '../i18n/use-staff-i18n.js';
import { StaffLayout } from '../layout/StaffLayout.js';
import { CataloguePage } from './catalogue/CataloguePage.js';
import './designer.css';
import { FormEditorPage } from './forms/FormEditorPage.js';
import { ModelerPage } from './modeler/ModelerPage.js';

// dmn-js is a chunk of its own: the overview, the modeler and the form editor load without it.
const DmnEditorPage = lazy(() => import('./dmn/DmnEditorPage.js'));

export function DesignerRoutes({ user }: { user: StaffUser }) {
  const { path, search } = useRouter();
  const { locale, t } = useStaffI18n();
  const versionParam = Number(new URLSearchParams(search).get('version'));
  const version = Number.isInteger(versionParam) && versionParam > 0 ? versionParam : undefined;
  // The editors are keyed by what they show and the language, so a change of either builds them anew.
  const key = `${path}${search}:${locale}`;
  let page;
  if (matchPath('/staff/designer', path)) page = <CataloguePage />;
  else if (matchPath('/staff/designer/processes/new', path)) page = <ModelerPage key={key} />;
  else if (matchPath('/staff/designer/forms/new', path)) page = <FormEditorPage key={key} />;
  else if (matchPath('/staff/designer/decisions/new', path)) page = <DmnEditorPage key={key} />;
  else {
    const process = matchPath('/staff/designer/processes/:processId', path);
    const form = matchPath('/staff/designer/forms/:formId', path);
    const decisions = matchPath('/staff/designer/decisions/:decisionRequirementsId', path);
    if (process) page = <ModelerPage key={key} processId={process.processId} version={version} />;
    else if (form) page = <FormEditorPage key={key} formId={form.formId} version={version} />;
    else if (decisions) page = <DmnEditorPage key={key} decisionRequirementsId={decisions.decisionRequirementsId} version={version} />;
  }
  return <StaffLayout user={user} wide><Suspense fallback={<p role="status">{t('common.loading')}</p>}>{page ?? <CataloguePage />}</Suspense></StaffLayout>;
}
