/**
 * Test support, Node only: a jsdom window as the global environment form-js's viewer expects, its rendering and
 * effects made prompt (preact waits for animation frames otherwise) and their crashes recorded instead of thrown
 * into the test runner.
 *
 * jsdom needs Node's own `require` of ES modules, which Jest's module system lacks, so jsdom, preact and the viewer
 * are loaded with Node's `require` (taken from the main realm, where Jest does not replace it) and live in Node's
 * main realm; the globals they read are set there.
 */
import { runInThisContext } from 'node:vm';

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
}

let environment: DomEnvironment | undefined;

export function domEnvironment(): DomEnvironment {
  environment ??= createEnvironment();
  return environment;
}

function createEnvironment(): DomEnvironment {
  const realm = runInThisContext('globalThis') as Record<string, unknown>;
  const createRequire = runInThisContext('process.getBuiltinModule("node:module").createRequire') as (from: string) => NodeJS.Require;
  const nativeRequire = createRequire(new URL(import.meta.url).pathname);
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
  const guarded = (callback: () => void) => {
    try {
      callback();
    } catch (error) {
      crashes.push(error);
    }
  };
  const { options } = nativeRequire('preact') as { options: Record<string, unknown> };
  options.requestAnimationFrame = (callback: () => void) => setTimeout(() => guarded(callback), 0);
  options.debounceRendering = (callback: () => void) => void Promise.resolve().then(() => guarded(callback));
  const viewer = nativeRequire('@bpmn-io/form-js-viewer') as FormJsViewer;
  return { viewer, window, takeCrashes: () => crashes.splice(0) };
}
