/** Declarations for the bpmn.io packages that ship no types; only what this app uses. */
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, any>;
  export const BpmnPropertiesProviderModule: Record<string, any>;
  export const ZeebePropertiesProviderModule: Record<string, any>;
  export const ZeebeTooltipProvider: Record<string, any>;
  export function useService<T = unknown>(name: string, strict?: boolean): T;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud/index.js' {
  const module: Record<string, any>;
  export default module;
}
declare module '@bpmn-io/properties-panel' {
  export const TextFieldEntry: unknown;
  export const TextAreaEntry: unknown;
  export const SelectEntry: unknown;
  export const CheckboxEntry: unknown;
  export const Group: unknown;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
  export function isTextAreaEntryEdited(node: unknown): boolean;
}
declare module '@bpmn-io/properties-panel/preact' {
  export function createElement(type: unknown, props: Record<string, unknown> | null, ...children: unknown[]): unknown;
}
declare module 'bpmnlint' {
  export interface LintReport { id?: string; message: string; category: 'error' | 'warn' | 'info' | 'rule-error'; meta?: { documentation?: { url?: string } } }
  export class Linter {
    constructor(options: { config: unknown; resolver: { resolveRule(pkg: string, name: string): unknown; resolveConfig(pkg: string, name: string): unknown } });
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}
declare module 'bpmnlint-plugin-camunda-compat' {
  const plugin: { configs: Record<string, { rules: Record<string, unknown> }>; rules: Record<string, string> };
  export default plugin;
}
declare module 'dmn-js/lib/Modeler.js' {
  /** A dmn-moddle element: definitions, a decision, a rule, an entry. */
  export interface DmnElement {
    id?: string;
    name?: string;
    $type: string;
    [property: string]: any;
  }
  /** What dmn-js can show: the DRD of the definitions, or one decision's table or literal expression. */
  export interface DmnView {
    id: string;
    name?: string;
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression';
    element: DmnElement;
  }
  export default class DmnModeler {
    constructor(options: Record<string, unknown>);
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getDefinitions(): DmnElement | undefined;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    getActiveViewer(): { get<T = unknown>(service: string): T } | undefined;
    open(view: DmnView): Promise<unknown>;
    on(event: string, callback: (event: any) => void): void;
    off(event: string, callback: (event: any) => void): void;
    destroy(): void;
  }
}
declare module 'dmn-moddle' {
  export class DmnModdle {
    fromXML(xml: string, type?: string): Promise<{ rootElement: unknown }>;
  }
}
/** flatpickr (form-js's date picker) as form-js imports it, the ES build; its own typings describe the CommonJS one. */
declare module 'flatpickr/dist/esm/index.js' {
  const flatpickr: { localize(texts: import('flatpickr/dist/types/locale.js').CustomLocale): void };
  export default flatpickr;
}
declare module 'flatpickr/dist/esm/l10n/de.js' {
  export const German: import('flatpickr/dist/types/locale.js').CustomLocale;
}
declare module 'flatpickr/dist/esm/l10n/default.js' {
  export const english: import('flatpickr/dist/types/locale.js').CustomLocale;
}
