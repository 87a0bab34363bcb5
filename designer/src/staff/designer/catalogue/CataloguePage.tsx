/** The designer's overview: deployed processes, forms and decisions with their versions; start a new one or import a file. */
import { useEffect, useState } from 'react';
import { usePageTitle } from '../../../shared/a11y/use-page-title.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { deploymentsApi, type Definition } from '../deployments-api.js';
import { CatalogueSection } from './CatalogueSection.js';
import { PortalServicesSection } from './PortalServicesSection.js';

type Loaded = { status: 'loading' } | { status: 'failed'; detail: string } | { status: 'loaded'; processes: Definition[]; forms: Definition[]; decisions: Definition[] };

export function CataloguePage() {
  const { t } = useStaffI18n();
  const headingRef = usePageTitle(t('designer.title'), t('app.name'));
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    Promise.all([deploymentsApi.processes(), deploymentsApi.forms(), deploymentsApi.decisions()]).then(
      ([processes, forms, decisions]) => setLoaded({ status: 'loaded', processes, forms, decisions }),
      (error: Error) => setLoaded({ status: 'failed', detail: error.message }),
    );
  }, []);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('designer.title')}</h1>
      <p>{t('designer.intro')}</p>
      {loaded.status === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {loaded.status === 'failed' ? <p className="notice notice--error" role="alert">{t('designer.loadFailed', { detail: loaded.detail })}</p> : null}

      <CatalogueSection collection="processes" fileKind="bpmn" accept=".bpmn,.xml,application/xml,text/xml"
        texts={{ title: t('designer.processes'), create: t('designer.newProcess'), importFile: t('designer.importBpmn'), none: t('designer.noProcesses') }}
        definitions={loaded.status === 'loaded' ? loaded.processes : undefined} />
      <CatalogueSection collection="forms" fileKind="form" accept=".form,.json,application/json"
        texts={{ title: t('designer.forms'), create: t('designer.newForm'), importFile: t('designer.importForm'), none: t('designer.noForms') }}
        definitions={loaded.status === 'loaded' ? loaded.forms : undefined} />
      <CatalogueSection collection="decisions" fileKind="dmn" accept=".dmn,.xml,application/xml,text/xml"
        texts={{ title: t('designer.decisions'), create: t('designer.newDecision'), importFile: t('designer.importDmn'), none: t('designer.noDecisions') }}
        definitions={loaded.status === 'loaded' ? loaded.decisions : undefined} />

      {loaded.status === 'loaded' ? <PortalServicesSection processes={loaded.processes} /> : null}
    </>
  );
}
