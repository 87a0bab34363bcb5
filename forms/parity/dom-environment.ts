/**
 * Test support, Node only, for the oracle's process: a jsdom window as the global environment form-js's viewer
 * expects, its rendering and effects made prompt (preact waits for animation frames otherwise) and their crashes
 * recorded instead of thrown. The viewer and preact are imported as the ES modules a browser runs (in strict mode,
 * where form-js crashes on writing into text; loaded through `require` they run sloppily and do not).
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

let environment: Promise<DomEnvironment> | undefined;

export function domEnvironment(): Promise<DomEnvironment> {
  environment ??= createEnvironment();
  return environment;
}

async function createEnvironment(): Promise<DomEnvironment> {
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
  const { options } = (await import('preact')) as unknown as { options: Record<string, unknown> };
  const guarded = (callback: () => void) => {
    pending++;
    setTimeout(() => {
      pending--;
      try {
        callback();
      } catch (error) {
        crashes.push(error);
        // preact's hooks stop scheduling effects after one threw (their queue keeps the rest) until the scheduler
        // they were given changes; a new one lets them flush again
        options.requestAnimationFrame = (next: () => void) => guarded(next);
      }
    }, 0);
  };
  options.requestAnimationFrame = (next: () => void) => guarded(next);
  // rendering in a task rather than a microtask: a component that keeps changing the data then loops visibly
  // instead of starving every timer
  options.debounceRendering = guarded;
  const viewer = await import('@bpmn-io/form-js-viewer');
  return { viewer, window, takeCrashes: () => crashes.splice(0), pendingWork: () => pending };
}

