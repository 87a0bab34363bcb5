/**
 * Test support, Node only, for the oracle's worker thread: a jsdom window as the global environment form-js's
 * viewer expects, its rendering and effects made prompt (preact waits for animation frames otherwise) and their
 * crashes recorded instead of thrown. jsdom, preact and the viewer are loaded with Node's `require` (jsdom needs
 * its `require` of ES modules).
 */
import { createRequire } from 'node:module';

export type FormJsViewer = typeof import('@bpmn-io/form-js-viewer');

export interface DomWindow {
  readonly document: Document;
  readonly File: typeof File;
}

export interface DomEnvironment {
  readonly viewer: FormJsViewer;
  readonly window: DomWindow;
  /** Errors thrown in rendering or effects since the last call. */
  takeCrashes(): unknown[];
  /** Renders and effect flushes preact has scheduled and not yet run. */
  pendingWork(): number;
}

let environment: DomEnvironment | undefined;

export function domEnvironment(): DomEnvironment {
  environment ??= createEnvironment();
  return environment;
}

function createEnvironment(): DomEnvironment {
  const realm = globalThis as Record<string, unknown>;
  const nativeRequire = createRequire(import.meta.url);
  const { JSDOM } = nativeRequire('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' });
  const window = dom.window as Record<string, unknown> & DomWindow;
  for (const name of ['document', 'HTMLElement', 'Element', 'Node', 'Event', 'KeyboardEvent', 'MouseEvent', 'FocusEvent', 'CustomEvent', 'MutationObserver', 'DOMParser', 'HTMLInputElement', 'SVGElement', 'File', 'FileList', 'Blob']) {
    realm[name] = window[name];
  }
  realm.window = window;
  Object.defineProperty(realm, 'navigator', { value: window.navigator, configurable: true });
  realm.getComputedStyle = (window.getComputedStyle as (element: Element) => unknown).bind(window);
  const nextFrame = (callback: (time: number) => void) => setTimeout(() => callback(performance.now()), 0);
  realm.requestAnimationFrame = window.requestAnimationFrame = nextFrame;
  realm.cancelAnimationFrame = window.cancelAnimationFrame = (id: ReturnType<typeof setTimeout>) => clearTimeout(id);
  // jsdom has no DataTransfer; the file picker only builds one to show the chosen files
  class DataTransfer {
    readonly items = { add: () => undefined };
    readonly files = null;
  }
  realm.DataTransfer = window.DataTransfer = DataTransfer;

  const crashes: unknown[] = [];
  let pending = 0;
  const guarded = (callback: () => void) => {
    pending++;
    setTimeout(() => {
      pending--;
      try {
        callback();
      } catch (error) {
        crashes.push(error);
      }
    }, 0);
  };
  const { options } = nativeRequire('preact') as { options: Record<string, unknown> };
  options.requestAnimationFrame = guarded;
  // rendering in a task rather than a microtask: a component that keeps changing the data then loops visibly
  // instead of starving every timer
  options.debounceRendering = guarded;
  const viewer = nativeRequire('@bpmn-io/form-js-viewer') as FormJsViewer;
  return { viewer, window, takeCrashes: () => crashes.splice(0), pendingWork: () => pending };
}

