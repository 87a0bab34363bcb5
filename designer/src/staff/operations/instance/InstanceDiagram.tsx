/**
 * The instance's process diagram (bpmn-js's NavigatedViewer: pan and zoom, no editing) with the active tokens and
 * incidents counted on each element as overlays, and the path taken: completed elements marked, with their count. A chunk of its own, loaded only when an instance is opened. The
 * same counts are given as text beside it (`ActiveElementList`) for keyboard and screen reader users.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import * as viewerModule from 'bpmn-js/lib/NavigatedViewer.js';
import { useEffect, useRef, useState } from 'react';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';
import type { ActiveElement, CompletedElement } from '../operations-api.js';

// As in the modeler (create-modeler.ts): TypeScript sees bpmn-js's class one `default` deeper than the bundler does.
type ViewerClass = typeof viewerModule.default.default;
const wrapped = viewerModule.default as unknown as { default?: ViewerClass };
const NavigatedViewer: ViewerClass = wrapped.default ?? (wrapped as unknown as ViewerClass);
type NavigatedViewer = InstanceType<ViewerClass>;

interface Overlays {
  add(elementId: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface Canvas {
  zoom(level: 'fit-viewport'): void;
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}
interface ElementRegistry {
  get(elementId: string): unknown;
}

function badge(className: string, text: string, label: string): HTMLElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  element.title = label;
  return element;
}

export default function InstanceDiagram({ xml, activeElements, completedElements }: {
  xml: string;
  activeElements: readonly ActiveElement[];
  completedElements: readonly CompletedElement[];
}) {
  const { t } = useStaffI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<NavigatedViewer | null>(null);
  const markedRef = useRef<{ elementId: string; marker: string }[]>([]);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const viewer = new NavigatedViewer({ container: containerRef.current! });
    viewerRef.current = viewer;
    viewer.importXML(xml).then(
      () => {
        viewer.get<Canvas>('canvas').zoom('fit-viewport');
        setReady(true);
      },
      (failure: Error) => setError(failure.message),
    );
    return () => {
      viewer.destroy();
      viewerRef.current = null;
    };
  }, [xml]);

  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer || !ready) return;
    const overlays = viewer.get<Overlays>('overlays');
    const canvas = viewer.get<Canvas>('canvas');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    overlays.remove({ type: 'instance-state' });
    for (const { elementId, marker } of markedRef.current) canvas.removeMarker(elementId, marker);
    markedRef.current = [];
    const mark = (elementId: string, marker: string) => {
      canvas.addMarker(elementId, marker);
      markedRef.current.push({ elementId, marker });
    };
    for (const { elementId, completed } of completedElements) {
      if (!registry.get(elementId)) continue;
      mark(elementId, 'was-completed');
      overlays.add(elementId, 'instance-state', { position: { top: -12, right: 10 }, html: badge('completed-badge', String(completed), t('instance.completedCount', { count: completed })) });
    }
    for (const { elementId, active, incidents } of activeElements) {
      if (!registry.get(elementId)) continue;
      const running = active - incidents;
      if (running > 0) {
        overlays.add(elementId, 'instance-state', { position: { bottom: 12, left: -10 }, html: badge('token-badge', String(running), t('instance.tokens', { count: running })) });
      }
      if (incidents > 0) {
        mark(elementId, 'has-incident');
        overlays.add(elementId, 'instance-state', { position: { bottom: 12, right: 10 }, html: badge('incident-badge', String(incidents), t('instance.incidentCount', { count: incidents })) });
      }
    }
  }, [ready, activeElements, completedElements, t]);

  return (
    <>
      {error ? <p className="notice notice--error" role="alert">{t('instance.diagramFailed', { detail: error })}</p> : null}
      <div className="instance-diagram" ref={containerRef} role="region" aria-label={t('instance.diagramLabel')} />
    </>
  );
}
