// bpmn-moddle ships no typings for its entry point; this declares the part we use.
declare module 'bpmn-moddle' {
  export interface ModdleReadWarning {
    message: string;
    element?: unknown;
    property?: string;
    value?: string;
  }

  export interface ModdleReadResult {
    rootElement: unknown;
    warnings: ModdleReadWarning[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, options?: { lax?: boolean }): Promise<ModdleReadResult>;
  }
}
