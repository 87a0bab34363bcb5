/**
 * Where a template property's value lives on a BPMN element (its binding) and how to write all of them at once:
 * the job type and retries in `zeebe:taskDefinition`, inputs in `zeebe:ioMapping`, static configuration in
 * `zeebe:taskHeaders`. Writing rebuilds these three from the values, so one change is one undoable command and a
 * property whose condition no longer holds disappears from the XML.
 */
import { conditionHolds, type ElementTemplate, type TemplateProperty } from './element-template.js';

/** The slice of a moddle element this module touches. */
export interface ModdleObject {
  $type: string;
  $instanceOf(type: string): boolean;
  get(name: string): any;
  [key: string]: any;
}

export interface BpmnFactory {
  create(type: string, attrs?: Record<string, unknown>): ModdleObject;
}

function extensionValues(businessObject: ModdleObject): ModdleObject[] {
  return businessObject.get('extensionElements')?.get('values') ?? [];
}

function extension(businessObject: ModdleObject, type: string): ModdleObject | undefined {
  return extensionValues(businessObject).find((value) => value.$instanceOf(type));
}

/** The value stored for `property`, in the form the properties panel edits: text, or a boolean for checkboxes. */
export function readTemplateValue(businessObject: ModdleObject, property: TemplateProperty): string | boolean | undefined {
  const { binding } = property;
  let raw: string | undefined;
  if (binding.type === 'zeebe:taskDefinition' || binding.type === 'zeebe:taskDefinition:type') {
    const definition = extension(businessObject, 'zeebe:TaskDefinition');
    raw = definition?.get(binding.type === 'zeebe:taskDefinition' ? binding.property : 'type');
  } else if (binding.type === 'zeebe:input') {
    const inputs: ModdleObject[] = extension(businessObject, 'zeebe:IoMapping')?.get('inputParameters') ?? [];
    raw = inputs.find((input) => input.get('target') === binding.name)?.get('source');
  } else {
    const headers: ModdleObject[] = extension(businessObject, 'zeebe:TaskHeaders')?.get('values') ?? [];
    raw = headers.find((header) => header.get('key') === binding.key)?.get('value');
  }
  if (property.type === 'Boolean') return raw === undefined ? undefined : raw.replace(/^=/, '').trim() === 'true';
  if (property.type === 'Number' && raw !== undefined) return raw.replace(/^=\s*(-?[\d.]+)\s*$/, '$1');
  return raw;
}

/** The value a property starts with when the template is applied. */
export function defaultTemplateValue(property: TemplateProperty): string | boolean | undefined {
  if (property.value === undefined) return property.type === 'Boolean' ? false : undefined;
  return property.type === 'Boolean' ? property.value === true : String(property.value);
}

/** The text a value is stored as: inputs are FEEL when they are not plain text (numbers, booleans). */
function storedText(property: TemplateProperty, value: string | boolean): string {
  const isInput = property.binding.type === 'zeebe:input';
  if (property.type === 'Boolean') return isInput ? `=${value === true}` : String(value === true);
  if (property.type === 'Number' && isInput && typeof value === 'string' && /^-?[\d.]+$/.test(value.trim())) return `=${value.trim()}`;
  return String(value);
}

/**
 * The element's new `extensionElements`: other extensions kept, output mappings kept, and the template's task
 * definition, inputs and headers rebuilt from `valueOf` for every property whose condition holds.
 */
export function buildTemplateExtensions(
  factory: BpmnFactory,
  businessObject: ModdleObject,
  template: ElementTemplate,
  valueOf: (property: TemplateProperty) => string | boolean | undefined,
): ModdleObject {
  const byId = new Map(template.properties.filter((property) => property.id).map((property) => [property.id!, property]));
  const conditionValue = (id: string) => {
    const property = byId.get(id);
    return property ? valueOf(property) : undefined;
  };
  const active = template.properties.filter((property) => conditionHolds(property.condition, conditionValue));

  const definition: Record<string, string> = {};
  const inputs: ModdleObject[] = [];
  const headers: ModdleObject[] = [];
  for (const property of active) {
    const value = valueOf(property);
    if (value === undefined || value === '') continue;
    const text = storedText(property, value);
    const { binding } = property;
    if (binding.type === 'zeebe:taskDefinition') definition[binding.property] = text;
    else if (binding.type === 'zeebe:taskDefinition:type') definition.type = text;
    else if (binding.type === 'zeebe:input') inputs.push(factory.create('zeebe:Input', { source: text, target: binding.name }));
    else headers.push(factory.create('zeebe:Header', { key: binding.key, value: text }));
  }

  const kept = extensionValues(businessObject).filter((value) =>
    !value.$instanceOf('zeebe:TaskDefinition') && !value.$instanceOf('zeebe:IoMapping') && !value.$instanceOf('zeebe:TaskHeaders'));
  const outputs: ModdleObject[] = extension(businessObject, 'zeebe:IoMapping')?.get('outputParameters') ?? [];
  const values = [...kept, factory.create('zeebe:TaskDefinition', definition)];
  if (inputs.length > 0 || outputs.length > 0) values.push(factory.create('zeebe:IoMapping', { inputParameters: inputs, outputParameters: outputs }));
  if (headers.length > 0) values.push(factory.create('zeebe:TaskHeaders', { values: headers }));
  return factory.create('bpmn:ExtensionElements', { values });
}
