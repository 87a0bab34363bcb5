/**
 * The DMN editor page (a chunk of its own, so dmn-js loads only here): opens a deployed version (the newest unless
 * `?version=` says otherwise), a new decision table or an imported file in dmn-js; deploys it and shows the engine's
 * rejection as a list whose entries open the decision and select the cell at fault.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePageTitle } from '../../../shared/a11y/use-page-title.js';
import { ApiProblem } from '../../../shared/http/api-problem.js';
import { Link } from '../../../shared/routing/router.js';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import { FileOpenButton } from '../catalogue/FileOpenButton.js';
import { takeHandedOver } from '../catalogue/pending-file.js';
import { deploymentsApi } from '../deployments-api.js';
import { downloadText } from '../download.js';
import { createDmnModeler, type DmnModeler, type DmnView } from './create-dmn-modeler.js';
import { DmnProblemList } from './DmnProblemList.js';
import { DmnViewTabs } from './DmnViewTabs.js';
import { locateProblems, type DmnProblem, type RejectedElement } from './engine-problems.js';
import { useUnsavedChanges } from '../use-unsaved-changes.js';
import { newDecisionXml } from './new-decision.js';

type Message = { kind: 'success' | 'error'; text: string } | undefined;

export default function DmnEditorPage({ decisionRequirementsId, version }: { decisionRequirementsId?: string; version?: number }) {
  const { t, locale } = useStaffI18n();
  const title = decisionRequirementsId ? t('dmnEditor.title', { id: decisionRequirementsId }) : t('dmnEditor.titleNew');
  const headingRef = usePageTitle(title, t('app.name'));
  const containerRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<DmnModeler>(undefined);
  const unsaved = useUnsavedChanges();
  const [views, setViews] = useState<DmnView[]>([]);
  const [activeView, setActiveView] = useState<DmnView>();
  const [problems, setProblems] = useState<DmnProblem[]>([]);
  const [message, setMessage] = useState<Message>();
  const [deploying, setDeploying] = useState(false);
  const [openedVersion, setOpenedVersion] = useState<number | undefined>(version);
  // Taken once per page, not per effect run (React runs effects twice in development).
  const [handedOver] = useState(() => (decisionRequirementsId ? undefined : takeHandedOver('dmn')));

  const open = useCallback(async (xml: string) => {
    const modeler = modelerRef.current!;
    try {
      await modeler.importXML(xml);
      setProblems([]);
      // Rules are what process managers edit most: the first decision opens rather than the requirements diagram.
      const firstDecision = modeler.getViews().find((view) => view.type !== 'drd');
      if (firstDecision) await modeler.open(firstDecision);
    } catch (error) {
      setMessage({ kind: 'error', text: t('dmnEditor.importFailed', { detail: (error as Error).message }) });
    }
  }, [t]);

  useEffect(() => {
    const modeler = createDmnModeler(containerRef.current!, locale);
    modelerRef.current = modeler;
    // Each view (the requirements diagram, a decision table) edits through a viewer and command stack of its own.
    const watched = new WeakSet<object>();
    modeler.on('views.changed', ({ views: available, activeView: active }: { views: DmnView[]; activeView?: DmnView }) => {
      setViews([...available]);
      setActiveView(active);
      const viewer = modeler.getActiveViewer();
      if (viewer && !watched.has(viewer)) {
        watched.add(viewer);
        viewer.get<{ on(event: string, callback: (event: { trigger?: string }) => void): void }>('eventBus').on('commandStack.changed', unsaved.commandStackChanged);
      }
    });
    const load = async () => {
      if (!decisionRequirementsId) return handedOver ?? newDecisionXml();
      const chosen = version ?? (await deploymentsApi.decisions()).find((definition) => definition.id === decisionRequirementsId)?.latestVersion ?? 1;
      setOpenedVersion(chosen);
      return deploymentsApi.decisionXml(decisionRequirementsId, chosen);
    };
    load().then(open, (error: Error) => setMessage({ kind: 'error', text: t('dmnEditor.importFailed', { detail: error.message }) }));
    return () => modeler.destroy();
    // dmn-js lives as long as the page; a language switch re-creates the page through its key.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const drgId = () => modelerRef.current?.getDefinitions()?.id || 'entscheidungen';

  async function deploy() {
    if (deploying) return;
    const modeler = modelerRef.current!;
    setDeploying(true);
    setMessage(undefined);
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const [deployed] = await deploymentsApi.deploy([{ name: `${drgId()}.dmn`, content: xml, type: 'application/xml' }]);
      const definition = deployed.definitions.find((candidate) => candidate.kind === 'decision-requirements') ?? deployed.definitions[0];
      setProblems([]);
      setOpenedVersion(definition.version);
      unsaved.saved();
      setMessage({ kind: 'success', text: t('dmnEditor.deployed', { id: definition.id, version: definition.version }) });
    } catch (error) {
      const elements = error instanceof ApiProblem ? (error.extensions.elements as RejectedElement[] | undefined) ?? [] : [];
      const located = locateProblems(elements, modeler.getDefinitions());
      setProblems(located);
      setMessage({ kind: 'error', text: located.length > 0 ? t('dmnEditor.deployRejected') : t('dmnEditor.deployFailed', { detail: (error as Error).message }) });
    } finally {
      setDeploying(false);
    }
  }

  async function download() {
    const { xml } = await modelerRef.current!.saveXML({ format: true });
    downloadText(`${drgId()}.dmn`, xml, 'application/xml');
    unsaved.saved();
  }

  async function showProblem(problem: DmnProblem) {
    const modeler = modelerRef.current!;
    const view = modeler.getViews().find((candidate) => candidate.type !== 'drd' && candidate.element.id === problem.decisionId);
    if (!view) return;
    if (modeler.getActiveView()?.element !== view.element) await modeler.open(view);
    if (!problem.cellId) {
      containerRef.current?.focus();
      return;
    }
    const selection = modeler.getActiveViewer()?.get<{ select(id: string): void; deselect(): void }>('selection');
    // Selecting the cell that is still selected would not move the focus back to it.
    selection?.deselect();
    selection?.select(problem.cellId);
  }

  const activeViewName = activeView ? `${t(`dmnEditor.view.${activeView.type}`)}${activeView.type === 'drd' ? '' : ` ${activeView.name || activeView.id}`}` : '';

  return (
    <div className="dmn-editor-page">
      <div className="page-heading">
        <h1 ref={headingRef} tabIndex={-1}>{title}</h1>
        <p className="page-heading__meta">{openedVersion ? t('modeler.versionInfo', { version: openedVersion }) : t('modeler.unsaved')} · <Link href="/staff/designer">{t('modeler.backToList')}</Link></p>
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('dmnEditor.toolbar')}>
        <button type="button" className="button button--primary" onClick={() => void deploy()} aria-disabled={deploying}>
          {deploying ? t('modeler.deploying') : t('dmnEditor.deploy')}
        </button>
        <FileOpenButton label={t('dmnEditor.openFile')} accept=".dmn,.xml,application/xml,text/xml" onText={(text) => void open(text)} />
        <button type="button" className="button" onClick={() => void download()}>{t('dmnEditor.download')}</button>
      </div>
      <div aria-live="polite" aria-atomic="true">
        {message ? <p className={`notice notice--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
      </div>
      <DmnProblemList problems={problems} onShow={(problem) => void showProblem(problem)} />
      <DmnViewTabs views={views} active={activeView} onOpen={(view) => void modelerRef.current!.open(view)} />
      <div className="dmn-editor-canvas" ref={containerRef} role="region" tabIndex={-1} aria-label={t('dmnEditor.editor', { view: activeViewName })} />
    </div>
  );
}
