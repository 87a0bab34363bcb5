/**
 * The Camunda 8 element templates the server generates from our connector declarations (connectors/templates):
 * the subset of the format they use. A template turns a task into a service task of the connector's job type and
 * fills its input mappings and task headers from the template's fields.
 */
export interface TemplateCondition {
  property: string;
  equals?: string | number | boolean;
  oneOf?: readonly (string | number)[];
}

export type TemplateBinding =
  | { type: 'zeebe:taskDefinition'; property: 'type' | 'retries' }
  | { type: 'zeebe:taskDefinition:type' }
  | { type: 'zeebe:input'; name: string }
  | { type: 'zeebe:taskHeader'; key: string };

export interface TemplateProperty {
  id?: string;
  label?: string;
  description?: string;
  type: 'String' | 'Text' | 'Dropdown' | 'Boolean' | 'Number' | 'Hidden';
  value?: string | number | boolean;
  choices?: { name: string; value: string }[];
  feel?: 'optional' | 'required' | 'static';
  placeholder?: string;
  group?: string;
  optional?: boolean;
  constraints?: { notEmpty?: boolean; pattern?: { value: string; message?: string } | string };
  condition?: TemplateCondition;
  binding: TemplateBinding;
}

export interface ElementTemplate {
  id: string;
  name: string;
  version?: number;
  description?: string;
  documentationRef?: string;
  keywords?: string[];
  appliesTo: string[];
  elementType?: { value: string };
  groups?: { id: string; label: string }[];
  properties: TemplateProperty[];
}

/** The templates the modeler offers; filled once the server answered. */
export class ElementTemplateStore {
  private templates: ElementTemplate[] = [];

  set(templates: readonly ElementTemplate[]) {
    this.templates = [...templates];
  }

  all(): readonly ElementTemplate[] {
    return this.templates;
  }

  /** The template an element was made from; the newest version when its own is no longer offered. */
  find(id: string, version?: number): ElementTemplate | undefined {
    const candidates = this.templates.filter((template) => template.id === id);
    return candidates.find((template) => template.version === version)
      ?? candidates.sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
  }
}

/** A template's property as a condition sees it: supported bindings only. */
export function conditionHolds(condition: TemplateCondition | undefined, valueOf: (propertyId: string) => unknown): boolean {
  if (!condition) return true;
  const value = valueOf(condition.property);
  if (condition.oneOf) return condition.oneOf.some((option) => option === value);
  return condition.equals === value;
}
