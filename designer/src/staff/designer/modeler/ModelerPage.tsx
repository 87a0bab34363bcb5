/**
 * The BPMN modeler page: opens a deployed version, a new diagram or an imported file; checks the diagram with the
 * Camunda 8.3 rules after every change (problems on the diagram and in a list); deploys only a diagram without
 * errors.
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
import { useUnsavedChanges } from '../use-unsaved-changes.js';
import { elementTemplatesApi } from '../element-templates-api.js';
import { createModeler, type Modeler } from './create-modeler.js';
import { ElementTemplateStore, type DiagramElement, type ElementTemplate, type ElementTemplateService } from './element-templates/index.js';
import { TemplateChooser } from './element-templates/TemplateChooser.js';
import { blocksDeploy, lintDefinitions, type LintIssue } from './lint/lint-diagram.js';
import { LintOverlays } from './lint/lint-overlays.js';
import { LintPanel } from './lint/LintPanel.js';
import { newDiagramXml } from './new-diagram.js';

type Message = { kind: 'success' | 'error'; text: string } | undefined;

const LINT_DELAY_MS = 300;

export function ModelerPage({ processId, version }: { processId?: string; version?: number }) {
  const { t, locale } = useStaffI18n();
  const headingRef = usePageTitle(processId ? t('modeler.title', { id: processId }) : t('modeler.titleNew'), t('app.name'));
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler>(undefined);
  const unsaved = useUnsavedChanges();
  const overlaysRef = useRef<LintOverlays>(undefined);
  const [templates] = useState(() => new ElementTemplateStore());
  const [issues, setIssues] = useState<LintIssue[]>([]);
  const [linted, setLinted] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [deploying, setDeploying] = useState(false);
  const [openedVersion, setOpenedVersion] = useState<number | undefined>(version);
  const [selectedTask, setSelectedTask] = useState<DiagramElement>();
  const [choosing, setChoosing] = useState(false);
  // Taken once per page, not per effect run (React runs effects twice in development).
  const [handedOver] = useState(() => (processId ? undefined : takeHandedOver('bpmn')));

  const describeBadge = useCallback((errors: number, warnings: number) => t('lint.badge', { errors, warnings }), [t]);

  /** Counts the diagram's changes, so that a check that a newer change overtook does not report the diagram as checked. */
  const changeCount = useRef(0);

  const lint = useCallback(async () => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    const checkedChange = changeCount.current;
    const found = await lintDefinitions(modeler.getDefinitions());
    if (checkedChange !== changeCount.current) return;
    setIssues(found);
    setLinted(true);
    overlaysRef.current?.show(found, describeBadge);
  }, [describeBadge]);

  const open = useCallback(async (xml: string) => {
    const modeler = modelerRef.current!;
    try {
      await modeler.importXML(xml);
      (modeler.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
      await lint();
    } catch (error) {
      setMessage({ kind: 'error', text: t('modeler.importFailed', { detail: (error as Error).message }) });
    }
  }, [lint, t]);

  useEffect(() => {
    const modeler = createModeler({ canvas: canvasRef.current!, propertiesPanel: panelRef.current!, locale, templates });
    modelerRef.current = modeler;
    overlaysRef.current = new LintOverlays(modeler.get('overlays'), modeler.get('canvas'), modeler.get('elementRegistry'));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const eventBus = modeler.get('eventBus') as { on(event: string, callback: (event: any) => void): void };
    eventBus.on('commandStack.changed', (event: { trigger?: string }) => {
      unsaved.commandStackChanged(event);
      // Until the change is checked, deploying waits and the lint result is marked as being updated.
      changeCount.current += 1;
      setLinted(false);
      clearTimeout(timer);
      timer = setTimeout(() => void lint(), LINT_DELAY_MS);
    });
    eventBus.on('selection.changed', ({ newSelection }: { newSelection: DiagramElement[] }) => {
      const [element] = newSelection;
      setSelectedTask(newSelection.length === 1 && element.businessObject.$instanceOf('bpmn:Task') ? element : undefined);
    });
    elementTemplatesApi.list().then(
      (list) => templates.set(list),
      (error: Error) => setMessage({ kind: 'error', text: t('templates.loadFailed', { detail: error.message }) }),
    );
    const load = async () => {
      if (!processId) return handedOver ?? newDiagramXml();
      const chosen = version ?? (await deploymentsApi.processes()).find((definition) => definition.id === processId)?.latestVersion ?? 1;
      setOpenedVersion(chosen);
      return deploymentsApi.processXml(processId, chosen);
    };
    load().then(open, (error: Error) => setMessage({ kind: 'error', text: t('modeler.importFailed', { detail: error.message }) }));
    return () => {
      clearTimeout(timer);
      modeler.destroy();
    };
    // The modeler lives as long as the page; a language switch re-creates the page through its key.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const errorsBlock = blocksDeploy(issues);

  async function deploy() {
    if (errorsBlock || deploying || !linted) return;
    const modeler = modelerRef.current!;
    setDeploying(true);
    setMessage(undefined);
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const id = processIdOf(modeler) ?? 'process';
      const [deployed] = await deploymentsApi.deploy([{ name: `${id}.bpmn`, content: xml!, type: 'application/xml' }]);
      const definition = deployed.definitions.find((candidate) => candidate.kind === 'process') ?? deployed.definitions[0];
      setOpenedVersion(definition.version);
      unsaved.saved();
      setMessage({ kind: 'success', text: t('modeler.deployed', { id: definition.id, version: definition.version }) });
    } catch (error) {
      setMessage({ kind: 'error', text: t('modeler.deployRejected', { detail: (error as Error).message }) });
      if (error instanceof ApiProblem) showEngineRejection(error);
    } finally {
      setDeploying(false);
    }
  }

  /** The engine's element messages join the list, so they point at their elements like lint problems. */
  function showEngineRejection(problem: ApiProblem) {
    const elements = problem.extensions.elements as { elementId: string; messages: string[] }[] | undefined;
    if (!elements?.length) return;
    const engineIssues = elements.flatMap((element) => element.messages.map((text) => ({ elementId: element.elementId, rule: 'engine', message: text, severity: 'error' as const })));
    setIssues((current) => [...current, ...engineIssues]);
    overlaysRef.current?.show([...issues, ...engineIssues], describeBadge);
  }

  async function download() {
    const { xml } = await modelerRef.current!.saveXML({ format: true });
    downloadText(`${processIdOf(modelerRef.current!) ?? 'process'}.bpmn`, xml!, 'application/xml');
    unsaved.saved();
  }

  function nameOf(elementId: string): string | undefined {
    const element = (modelerRef.current?.get('elementRegistry') as { get(id: string): DiagramElement | undefined } | undefined)?.get(elementId);
    if (!element || element.type === 'bpmn:Process') return undefined;
    return element.businessObject.get('name') || elementId;
  }

  function showElement(elementId: string) {
    const modeler = modelerRef.current!;
    const element = (modeler.get('elementRegistry') as { get(id: string): unknown }).get(elementId);
    if (!element) return;
    (modeler.get('canvas') as { scrollToElement(element: unknown): void }).scrollToElement(element);
    (modeler.get('selection') as { select(element: unknown): void }).select(element);
  }

  function applyTemplate(template: ElementTemplate) {
    setChoosing(false);
    if (!selectedTask) return;
    const service = modelerRef.current!.get('elementTemplateService') as ElementTemplateService;
    const applied = service.apply(selectedTask, template);
    (modelerRef.current!.get('selection') as { select(element: unknown): void }).select(applied);
  }

  return (
    <div className="modeler-page">
      <div className="page-heading">
        <h1 ref={headingRef} tabIndex={-1}>{processId ? t('modeler.title', { id: processId }) : t('modeler.titleNew')}</h1>
        <p className="page-heading__meta">{openedVersion ? t('modeler.versionInfo', { version: openedVersion }) : t('modeler.unsaved')} · <Link href="/staff/designer">{t('modeler.backToList')}</Link></p>
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('modeler.toolbar')}>
        <button type="button" className="button button--primary" onClick={() => void deploy()} aria-disabled={errorsBlock || deploying || !linted}
          aria-describedby={errorsBlock ? 'deploy-blocked' : undefined}>
          {deploying ? t('modeler.deploying') : t('modeler.deploy')}
        </button>
        <button type="button" className="button" onClick={() => setChoosing(true)} disabled={!selectedTask || templates.all().length === 0}
          aria-describedby={selectedTask ? undefined : 'template-hint'}>
          {t('modeler.applyTemplate')}
        </button>
        <FileOpenButton label={t('modeler.openFile')} accept=".bpmn,.xml,application/xml,text/xml" onText={(text) => void open(text)} />
        <button type="button" className="button" onClick={() => void download()}>{t('modeler.download')}</button>
        {selectedTask ? null : <span id="template-hint" className="toolbar__hint">{t('modeler.applyTemplateHint')}</span>}
      </div>
      {errorsBlock ? <p id="deploy-blocked" className="notice notice--warning">{t('modeler.deployBlocked')}</p> : null}
      <div aria-live="polite" aria-atomic="true">
        {message ? <p className={`notice notice--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
      </div>
      <div className="modeler-layout">
        <div className="modeler-canvas" ref={canvasRef} role="region" aria-label={t('modeler.canvas')} />
        <aside className="modeler-side">
          <div className="modeler-properties" ref={panelRef} role="region" aria-label={t('modeler.properties')} />
        </aside>
      </div>
      <LintPanel issues={issues} checking={!linted} nameOf={nameOf} onShow={showElement} />
      {choosing && selectedTask ? (
        <TemplateChooser templates={(modelerRef.current!.get('elementTemplateService') as ElementTemplateService).applicableTo(selectedTask)}
          onChoose={applyTemplate} onClose={() => setChoosing(false)} />
      ) : null}
    </div>
  );
}

function processIdOf(modeler: Modeler): string | undefined {
  const definitions = modeler.getDefinitions() as { rootElements?: { $type: string; id: string }[] } | undefined;
  return definitions?.rootElements?.find((element) => element.$type === 'bpmn:Process')?.id;
}
