/**
 * One process instance for process managers and admins: where it stands (diagram with tokens and incidents), its
 * incidents with retry, its variables (editable while it runs), its history, and cancelling it.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { usePageTitle } from '../../../shared/a11y/use-page-title.js';
import { ApiProblem } from '../../../shared/http/api-problem.js';
import { Link } from '../../../shared/routing/router.js';
import { useDateFormat } from '../../i18n/use-date-format.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { PageNotice, type Notice } from '../../layout/PageNotice.js';
import { InstanceStateLabel } from '../InstanceStateLabel.js';
import { operationsApi, type ElementInstance, type Incident, type InstanceDetail, type Variable } from '../operations-api.js';
import { ActiveElementList } from './ActiveElementList.js';
import { CancelInstance } from './CancelInstance.js';
import { elementNamesOf } from './element-names.js';
import { HistoryTable } from './HistoryTable.js';
import { IncidentList } from './IncidentList.js';
import { VariableTable } from './VariableTable.js';

const InstanceDiagram = lazy(() => import('./InstanceDiagram.js'));

const SETTLE_ATTEMPTS = 10;
const SETTLE_PAUSE_MS = 200;

export function InstancePage({ instanceKey }: { instanceKey: string }) {
  const { t } = useStaffI18n();
  const formatDate = useDateFormat();
  const title = t('instance.title', { key: instanceKey });
  const headingRef = usePageTitle(title, t('app.name'));
  const [instance, setInstance] = useState<InstanceDetail>();
  const [history, setHistory] = useState<{ elements: ElementInstance[]; nextCursor: string | null }>();
  const [xml, setXml] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const names = useMemo(() => elementNamesOf(xml), [xml]);
  const elementName = useCallback((elementId: string) => names.get(elementId) ?? elementId, [names]);

  const failure = useCallback((error: unknown): Notice => {
    if (error instanceof ApiProblem && error.status === 404) return { kind: 'error', text: t('instance.notFound') };
    return { kind: 'error', text: t('error.generic', { detail: (error as Error).message }) };
  }, [t]);

  /**
   * Loads the instance; with `settled`, again (a few times, briefly) until it holds: the exporter shows a change some
   * 100 ms after the engine made it.
   */
  const load = useCallback(async (settled?: (detail: InstanceDetail) => boolean) => {
    try {
      for (let attempt = 0; ; attempt++) {
        const detail = await operationsApi.instance(instanceKey);
        if (!settled || settled(detail) || attempt === SETTLE_ATTEMPTS) {
          setInstance(detail);
          setHistory(detail.history);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, SETTLE_PAUSE_MS));
      }
    } catch (error) {
      setNotice(failure(error));
    }
  }, [instanceKey, failure]);

  useEffect(() => {
    void load();
    operationsApi.xml(instanceKey).then(setXml, () => setXml(''));
  }, [instanceKey, load]);

  /** Runs a change, tells its outcome and shows the instance as it is afterwards. */
  const change = async (action: () => Promise<unknown>, success: string, settled: (detail: InstanceDetail) => boolean) => {
    try {
      await action();
      setNotice({ kind: 'success', text: success });
      await load(settled);
    } catch (error) {
      setNotice(failure(error));
      await load();
    }
  };

  const retry = (incident: Incident) => void change(
    () => operationsApi.retry(incident.incidentKey),
    t('instance.retried', { element: elementName(incident.elementId) }),
    (detail) => detail.incidents.some((candidate) => candidate.incidentKey === incident.incidentKey && candidate.state === 'RESOLVED'),
  );
  const saveVariable = async (variable: Variable, value: string) => {
    // Field errors stay at the editor (thrown); what happened is announced once saved.
    await operationsApi.setVariable(instanceKey, variable.name, value, variable.scopeKey === instanceKey ? undefined : variable.scopeKey);
    setNotice({ kind: 'success', text: t('instance.variableSaved', { name: variable.name }) });
    await load((detail) => detail.variables.some((candidate) => candidate.name === variable.name && candidate.scopeKey === variable.scopeKey && candidate.value !== variable.value));
  };
  const moreHistory = async () => {
    if (!history?.nextCursor) return;
    const next = await operationsApi.history(instanceKey, history.nextCursor);
    setHistory({ elements: [...history.elements, ...next.elements], nextCursor: next.nextCursor });
  };
  const scopeName = (scopeKey: string) => {
    const element = history?.elements.find((candidate) => candidate.elementInstanceKey === scopeKey);
    return element ? elementName(element.elementId) : scopeKey;
  };

  return (
    <article className="instance-page">
      <p><Link href="/staff/operations">{t('instance.backToList')}</Link></p>
      <h1 ref={headingRef} tabIndex={-1}>{title}</h1>
      <PageNotice notice={notice} />
      {instance === undefined ? (notice ? null : <p className="loading">{t('common.loading')}</p>) : (
        <>
          <dl className="facts">
            <dt>{t('instance.process')}</dt>
            <dd>{t('task.processVersion', { id: instance.bpmnProcessId, version: instance.version })}</dd>
            <dt>{t('instance.state')}</dt>
            <dd><InstanceStateLabel instance={instance} /></dd>
            <dt>{t('instance.started')}</dt>
            <dd>{formatDate(instance.startTime)}</dd>
            <dt>{t('instance.ended')}</dt>
            <dd>{formatDate(instance.endTime)}</dd>
            {instance.parentProcessInstanceKey ? (
              <>
                <dt>{t('instance.parent')}</dt>
                <dd><Link href={`/staff/operations/instances/${instance.parentProcessInstanceKey}`}>{instance.parentProcessInstanceKey}</Link></dd>
              </>
            ) : null}
          </dl>
          {instance.state === 'ACTIVE' && !instance.parentProcessInstanceKey ? (
            <div className="actions-row">
              <CancelInstance instanceKey={instanceKey} onConfirm={() => change(() => operationsApi.cancel(instanceKey), t('instance.canceled'), (detail) => detail.state !== 'ACTIVE')} />
            </div>
          ) : null}
          <section aria-labelledby="diagram-heading">
            <h2 id="diagram-heading">{t('instance.diagram')}</h2>
            {xml ? (
              <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
                <InstanceDiagram xml={xml} activeElements={instance.activeElements} completedElements={instance.completedElements} />
              </Suspense>
            ) : xml === '' ? <p>{t('instance.noDiagram')}</p> : null}
            <ActiveElementList activeElements={instance.activeElements} completedElements={instance.completedElements} elementName={elementName} />
          </section>
          <IncidentList incidents={instance.incidents} elementName={elementName} onRetry={retry} />
          <VariableTable variables={instance.variables} instanceKey={instanceKey} editable={instance.state === 'ACTIVE'}
            elementOfScope={scopeName} onSave={saveVariable} />
          {history ? <HistoryTable elements={history.elements} hasMore={history.nextCursor !== null} elementName={elementName} onMore={() => void moreHistory()} /> : null}
        </>
      )}
    </article>
  );
}
