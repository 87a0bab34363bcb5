/**
 * Marks every element with lint problems on the canvas: a red (error) or amber (warning) badge with the count, and
 * a marker class that outlines the shape. The badge is decoration; the problem list beside the diagram is the
 * accessible way to the same information.
 */
import type { LintIssue } from './lint-diagram.js';

interface Overlays {
  add(elementId: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface Canvas {
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

const OVERLAY_TYPE = 'amtsflow-lint';
const MARKERS = ['lint-error', 'lint-warning'];

export class LintOverlays {
  private marked = new Set<string>();

  constructor(private readonly overlays: Overlays, private readonly canvas: Canvas, private readonly elements: ElementRegistry) {}

  show(issues: readonly LintIssue[], describe: (errors: number, warnings: number) => string) {
    this.overlays.remove({ type: OVERLAY_TYPE });
    for (const id of this.marked) for (const marker of MARKERS) this.canvas.removeMarker(id, marker);
    this.marked.clear();
    const byElement = new Map<string, LintIssue[]>();
    for (const issue of issues) {
      if (!this.elements.get(issue.elementId)) continue; // the process itself: listed, not drawn
      byElement.set(issue.elementId, [...(byElement.get(issue.elementId) ?? []), issue]);
    }
    for (const [elementId, elementIssues] of byElement) {
      const errors = elementIssues.filter((issue) => issue.severity === 'error').length;
      const warnings = elementIssues.length - errors;
      const badge = document.createElement('span');
      badge.className = `lint-badge ${errors > 0 ? 'lint-badge--error' : 'lint-badge--warning'}`;
      badge.textContent = String(elementIssues.length);
      badge.title = describe(errors, warnings);
      badge.setAttribute('aria-hidden', 'true');
      this.overlays.add(elementId, OVERLAY_TYPE, { position: { top: -10, right: 10 }, html: badge });
      this.canvas.addMarker(elementId, errors > 0 ? 'lint-error' : 'lint-warning');
      this.marked.add(elementId);
    }
  }
}
