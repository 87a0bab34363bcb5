// dmn-moddle ships no typings for its entry point; this declares the part we use.
declare module 'dmn-moddle' {
  export interface ModdleReadResult {
    rootElement: unknown;
    warnings: Array<{ message: string; element?: unknown; property?: string; value?: string }>;
  }

  export class DmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string): Promise<ModdleReadResult>;
  }
}
