/** The designer's overview: deployed processes, forms and decisions with their versions; start a new one or import a file. */
import { useEffect, useState } from 'react';
import { usePageTitle } from '../../../shared/a11y/use-page-title.js';
import { useRouter } from '../../../shared/routing/router.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { deploymentsApi, type Definition } from '../deployments-api.js';
import { DefinitionTable } from './DefinitionTable.js';
import { FileOpenButton } from './FileOpenButton.js';
import { PortalServicesSection } from './PortalServicesSection.js';
import { handOver } from './pending-file.js';

type Loaded = { status: 'loading' } | { status: 'failed'; detail: string } | { status: 'loaded'; processes: Definition[]; forms: Definition[]; decisions: Definition[] };

export function CataloguePage() {
  const { t } = useStaffI18n();
  const { navigate } = useRouter();
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

      <section aria-labelledby="processes-heading" className="catalogue-section">
        <h2 id="processes-heading">{t('designer.processes')}</h2>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => navigate('/staff/designer/processes/new')}>{t('designer.newProcess')}</button>
          <FileOpenButton label={t('designer.importBpmn')} accept=".bpmn,.xml,application/xml,text/xml"
            onText={(text) => { handOver('bpmn', text); navigate('/staff/designer/processes/new'); }} />
        </div>
        {loaded.status === 'loaded' && loaded.processes.length === 0 ? <p>{t('designer.noProcesses')}</p> : null}
        {loaded.status === 'loaded' && loaded.processes.length > 0
          ? <DefinitionTable caption={t('designer.processes')} definitions={loaded.processes} editorPath="/staff/designer/processes" /> : null}
      </section>

      <section aria-labelledby="forms-heading" className="catalogue-section">
        <h2 id="forms-heading">{t('designer.forms')}</h2>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => navigate('/staff/designer/forms/new')}>{t('designer.newForm')}</button>
          <FileOpenButton label={t('designer.importForm')} accept=".form,.json,application/json"
            onText={(text) => { handOver('form', text); navigate('/staff/designer/forms/new'); }} />
        </div>
        {loaded.status === 'loaded' && loaded.forms.length === 0 ? <p>{t('designer.noForms')}</p> : null}
        {loaded.status === 'loaded' && loaded.forms.length > 0
          ? <DefinitionTable caption={t('designer.forms')} definitions={loaded.forms} editorPath="/staff/designer/forms" /> : null}
      </section>

      <section aria-labelledby="decisions-heading" className="catalogue-section">
        <h2 id="decisions-heading">{t('designer.decisions')}</h2>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => navigate('/staff/designer/decisions/new')}>{t('designer.newDecision')}</button>
          <FileOpenButton label={t('designer.importDmn')} accept=".dmn,.xml,application/xml,text/xml"
            onText={(text) => { handOver('dmn', text); navigate('/staff/designer/decisions/new'); }} />
        </div>
        {loaded.status === 'loaded' && loaded.decisions.length === 0 ? <p>{t('designer.noDecisions')}</p> : null}
        {loaded.status === 'loaded' && loaded.decisions.length > 0
          ? <DefinitionTable caption={t('designer.decisions')} definitions={loaded.decisions} editorPath="/staff/designer/decisions" /> : null}
      </section>

      {loaded.status === 'loaded' ? <PortalServicesSection processes={loaded.processes} /> : null}
    </>
  );
}
