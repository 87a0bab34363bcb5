/** The slice of a moddle object the parsers read; moddle builds them dynamically from the BPMN, DMN and Zeebe schemas. */
export interface ModdleElement {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  $instanceOf(type: string): boolean;
  readonly [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

export function hasId(element: ModdleElement): element is ModdleElement & { id: string } {
  return typeof element.id === 'string' && element.id !== '';
}

export function stringAttribute(element: ModdleElement, name: string): string | undefined {
  const value = element[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string attribute without surrounding spaces; absent or blank means "not set". */
export function nonBlankAttribute(element: ModdleElement, name: string): string | undefined {
  const value = stringAttribute(element, name)?.trim();
  return value === '' ? undefined : value;
}

export function childElements(element: ModdleElement, name: string): ModdleElement[] {
  const value = element[name];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

export function childElement(element: ModdleElement, name: string): ModdleElement | undefined {
  const value = element[name];
  return isModdleElement(value) ? value : undefined;
}

/** The extension elements of `element` of one type, e.g. `zeebe:TaskDefinition`. */
export function extensionElements(element: ModdleElement, type: string): ModdleElement[] {
  const container = childElement(element, 'extensionElements');
  return container ? childElements(container, 'values').filter((value) => value.$type === type) : [];
}

/** How an element is named in a message: by its id, or by its type when the id is missing. */
export function elementLabel(element: ModdleElement): string {
  return element.id ? element.id : `<${element.$type} without id>`;
}
