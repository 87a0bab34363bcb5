/**
 * Test support, a child process (jsdom needs Node's own module loader, not jest's): opens one form with each of the
 * given data in form-js's own viewer and in one with the caching expression language (a new pair each time: a
 * viewer opened twice keeps traces of the first, differently from one run to the next), and sends what a citizen
 * would see and get from each: the fields shown with their values, the submitted data and the errors.
 */
import { domEnvironment } from '../../forms/parity/dom-environment.js';

export interface ViewerPairRequest {
  schema: unknown;
  fillings: Record<string, unknown>[];
}

export interface ViewerOutcome {
  shown: string[];
  submitted: Record<string, unknown>;
  errors: Record<string, unknown>;
  crashes: string[];
}

export interface ViewerPairOutcome {
  plain: ViewerOutcome | { failed: string };
  caching: ViewerOutcome | { failed: string };
}

interface Viewer {
  _id: string;
  importSchema(schema: unknown, data?: unknown): Promise<unknown>;
  submit(): { data: Record<string, unknown>; errors: Record<string, unknown> };
  destroy(): void;
}

const environment = await domEnvironment();
// form-js needs the DOM's globals as it loads
const { cachingExpressionLanguageModule } = await import('../../designer/src/shared/forms/caching-expression-language.js');

async function settle(): Promise<void> {
  do await new Promise((resolve) => setTimeout(resolve, 0));
  while (environment.pendingWork() > 0);
}

/** The fields shown, each with its values; without the viewer's random id in class names. */
function shownFields(viewer: Viewer, container: HTMLElement): string[] {
  return [...container.querySelectorAll<HTMLElement>('.fjs-form-field')].map((field) => {
    const inputs = [...field.querySelectorAll<HTMLInputElement>('input, select, textarea')];
    return [field.className.replaceAll(`fjs-form-${viewer._id}-`, 'fjs-form-'), ...inputs.map((input) => (input.type === 'checkbox' || input.type === 'radio' ? String(input.checked) : input.value))].join('|');
  });
}

/** What a citizen sees and gets; a form form-js cannot open (data of the wrong shape) is an outcome too. */
async function fill(viewer: Viewer, container: HTMLElement, schema: unknown, data: Record<string, unknown>): Promise<ViewerOutcome | { failed: string }> {
  try {
    await viewer.importSchema(schema, structuredClone(data));
    await settle();
    const { data: submitted, errors } = viewer.submit();
    await settle();
    return { shown: shownFields(viewer, container), submitted: structuredClone(submitted), errors: structuredClone(errors), crashes: environment.takeCrashes().map(String) };
  } catch (error) {
    environment.takeCrashes();
    return { failed: String(error) };
  }
}

/** The schema with an id on every component (form-js makes up random ones), so both viewers name errors alike. */
function withIds(schema: unknown): unknown {
  let count = 0;
  const visit = (component: Record<string, unknown>) => {
    component.id ??= `component_${++count}`;
    (component.components as Record<string, unknown>[] | undefined)?.forEach(visit);
  };
  const copy = structuredClone(schema) as Record<string, unknown>;
  (copy.components as Record<string, unknown>[] | undefined)?.forEach(visit);
  return copy;
}

process.once('message', async (request: ViewerPairRequest) => {
  const schema = withIds(request.schema);
  const { document } = environment.window;
  const outcomes: ViewerPairOutcome[] = [];
  for (const data of request.fillings) {
    const [plainContainer, cachingContainer] = [document.createElement('div'), document.createElement('div')];
    document.body.append(plainContainer, cachingContainer);
    const plain = new environment.viewer.Form({ container: plainContainer }) as unknown as Viewer;
    const caching = new environment.viewer.Form({ container: cachingContainer, additionalModules: [cachingExpressionLanguageModule] }) as unknown as Viewer;
    outcomes.push({ plain: await fill(plain, plainContainer, schema, data), caching: await fill(caching, cachingContainer, schema, data) });
    plain.destroy();
    caching.destroy();
    plainContainer.remove();
    cachingContainer.remove();
  }
  process.send!(outcomes, () => process.exit(0));
});
