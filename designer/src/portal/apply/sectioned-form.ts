/**
 * A long form rendered section by section (`form-sections.ts`): one form-js form per section, each imported in a task
 * of its own, so a phone's main thread is free between them. One form of the Hundeanmeldung's 37 fields held it for
 * about 0.6 s at Lighthouse's 4× slower CPU; the citizen could neither scroll nor type meanwhile.
 *
 * Together the sections behave as one form:
 * - each section's data holds the values of the other sections its conditions and expressions name, kept up as the
 *   citizen types, so a condition on a field of another section sees what it would see in one form;
 * - submitting merges the sections' data (each gives only its own visible fields, as form-js does) and files;
 * - errors go to every section (form-js shows those of its own fields).
 * Each section, a form-js form, shows bpmn.io's watermark: form-js's licence asks for it wherever form-js renders.
 */
import { Form } from '@bpmn-io/form-js-viewer';
import type { FormComponent, FormSchema } from '../../../../forms/index.js';
import { componentIds, formSections } from './form-sections.js';

/**
 * About as many fields as a phone's screen shows. Six plain fields render in 12–36 ms at Lighthouse's 4× slower CPU,
 * under the 50 ms that count as blocking; smaller sections measured no better (docs/performance.md).
 */
const FIELDS_PER_SECTION = 6;

type Data = Record<string, unknown>;
type ValuePath = readonly string[];

interface Section {
  schema: FormSchema;
  element: HTMLElement;
  form: Form | undefined;
  /** Where this section's fields keep their values; a dynamic list's whole list is one. */
  ownPaths: ValuePath[];
  /** The names this section's FEEL expressions and templates use. */
  namesUsed: Set<string>;
  /** Its components' ids, nested ones included. */
  componentIds: Set<string>;
  /** The data this section last held, to tell a citizen's change from one of ours. */
  lastData: unknown;
}

export interface SectionedFormOptions {
  additionalModules: unknown[];
}

export class SectionedForm {
  private readonly sections: Section[];
  private destroyed = false;

  constructor(container: HTMLElement, schema: FormSchema, private readonly options: SectionedFormOptions) {
    this.sections = formSections(schema, FIELDS_PER_SECTION).map((section) => {
      const element = document.createElement('div');
      element.className = 'application__section';
      container.append(element);
      return { schema: section, element, form: undefined, ownPaths: ownValuePaths(section.components), namesUsed: namesUsed(section.components), componentIds: new Set(componentIds(section)), lastData: undefined };
    });
  }

  /** Renders the sections in order, yielding to the browser after each. */
  async render(): Promise<void> {
    for (const [index, section] of this.sections.entries()) {
      if (index > 0) await nextTask();
      if (this.destroyed) return;
      const form = new Form({ container: section.element, additionalModules: this.options.additionalModules } as never);
      section.form = form;
      await form.importSchema(section.schema as never, this.dataOf(this.sections.slice(0, index)));
      section.lastData = form._getState().data;
      form.on('changed', () => this.shareChange(section));
    }
    if (this.destroyed) return;
    // A section rendered earlier may name fields of a later one: it gets their values now.
    for (const [index, section] of this.sections.entries()) this.shareWith(section, this.sections.slice(index + 1));
  }

  submit(): { data: Data; files: Map<string, File[]> } {
    const data: Data = {};
    const files = new Map<string, File[]>();
    for (const { form } of this.sections) {
      if (!form) continue;
      const submitted = form.submit();
      mergeInto(data, submitted.data as Data);
      for (const [key, value] of submitted.files) files.set(key, value);
    }
    return { data, files };
  }

  showErrors(errors: Record<string, unknown>): void {
    for (const { form } of this.sections) form?._setState({ errors });
  }

  /** The id of the form-js form that renders a component (form-js builds its inputs' ids from it). */
  formIdOf(componentId: string): string {
    const section = this.sections.find((each) => each.componentIds.has(componentId)) ?? this.sections[0];
    return section?.form?._id ?? '';
  }

  destroy(): void {
    this.destroyed = true;
    for (const section of this.sections) {
      section.form?.destroy();
      section.element.remove();
    }
  }

  private shareChange(changed: Section): void {
    const data = changed.form!._getState().data;
    if (data === changed.lastData) return; // errors only, or our own update
    changed.lastData = data;
    for (const section of this.sections) {
      if (section !== changed) this.shareWith(section, [changed]);
    }
  }

  /** Gives `section` the values of `sources` it names, if it names any. */
  private shareWith(section: Section, sources: readonly Section[]): void {
    const named = sources.filter((source) => source.form && source.ownPaths.some((path) => section.namesUsed.has(path[0]!)));
    if (!section.form || named.length === 0) return;
    const data = structuredClone(section.form._getState().data) as Data;
    mergeInto(data, this.dataOf(named));
    section.lastData = data;
    section.form._setState({ data });
  }

  /** The values the given sections' own fields hold. */
  private dataOf(sections: readonly Section[]): Data {
    const data: Data = {};
    for (const section of sections) {
      const own = section.form?._getState().data as Data | undefined;
      if (!own) continue;
      for (const path of section.ownPaths) {
        const value = valueAt(own, path);
        if (value !== undefined) setValueAt(data, path, structuredClone(value));
      }
    }
    return data;
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The value paths of the components' fields, as form-js binds them: keys and group paths may be dotted. */
function ownValuePaths(components: readonly FormComponent[] = [], prefix: ValuePath = []): ValuePath[] {
  return components.flatMap((component) => {
    if (component.type === 'dynamiclist' && component.path) return [[...prefix, ...component.path.split('.')]];
    if (component.components) return ownValuePaths(component.components, component.path ? [...prefix, ...component.path.split('.')] : prefix);
    return component.key ? [[...prefix, ...component.key.split('.')]] : [];
  });
}

/** Every name in the components' FEEL expressions (`=…`) and templates (`{{…}}`): more than they use, never less. */
function namesUsed(components: readonly FormComponent[] = []): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.startsWith('=') || value.includes('{{')) for (const name of value.match(/[A-Za-z_$][\w$]*/g) ?? []) names.add(name);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(components);
  return names;
}

function valueAt(data: Data, path: ValuePath): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Data)[segment];
  }
  return value;
}

function setValueAt(data: Data, path: ValuePath, value: unknown): void {
  let holder = data;
  for (const segment of path.slice(0, -1)) {
    const next = holder[segment];
    holder = (holder[segment] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}) as Data;
  }
  holder[path[path.length - 1]!] = value;
}

/** Copies `source` into `target`, objects merged key by key, everything else replaced. */
function mergeInto(target: Data, source: Data): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(value)) mergeInto(existing, value);
    else target[key] = value;
  }
}

function isPlainObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
