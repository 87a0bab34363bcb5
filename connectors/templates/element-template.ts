/**
 * Generates a Camunda 8 (Zeebe) element template from a connector declaration: the designer offers it for tasks,
 * turns the task into a service task of the connector's type and shows one field per input property. Never written
 * by hand; `element-template-schema.ts` checks the result against Camunda's published schema.
 */
import type { Connector } from '../sdk/define-connector.js';
import { RESULT_EXPRESSION_HEADER, RESULT_VARIABLE_HEADER } from '../sdk/define-connector.js';
import type { JsonSchema, TemplateHints } from '../sdk/json-schema.js';

export const ELEMENT_TEMPLATE_SCHEMA_URL = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

export interface ElementTemplateProperty {
  id?: string;
  label?: string;
  description?: string;
  type: 'String' | 'Text' | 'Dropdown' | 'Boolean' | 'Number' | 'Hidden';
  value?: string | boolean | number;
  choices?: { name: string; value: string }[];
  feel?: 'optional' | 'required' | 'static';
  placeholder?: string;
  group?: string;
  optional?: boolean;
  constraints?: { notEmpty?: boolean; pattern?: { value: string; message: string } };
  condition?: { property: string; equals?: string | boolean | number; oneOf?: readonly (string | number)[] };
  binding: { type: 'zeebe:taskDefinition'; property: 'type' | 'retries' } | { type: 'zeebe:input'; name: string } | { type: 'zeebe:taskHeader'; key: string };
}

export interface ElementTemplate {
  $schema: string;
  name: string;
  id: string;
  description: string;
  version: number;
  documentationRef?: string;
  keywords?: string[];
  appliesTo: string[];
  elementType: { value: string };
  metadata: { connectorType: string; errors: { code: string; description: string }[] };
  groups: { id: string; label: string }[];
  properties: ElementTemplateProperty[];
}

export function elementTemplateOf(connector: Connector<never, unknown>): ElementTemplate {
  const inputProperties = Object.entries(connector.input.properties)
    .map(([name, schema]) => templateProperty(name, schema, (connector.input.required ?? []).includes(name)));
  const usedGroups = new Set(inputProperties.map((property) => property.group));
  const declaredGroups = connector.groups ?? [];
  const groups = [
    ...(declaredGroups.some((group) => group.id === 'input') || !usedGroups.has('input') ? [] : [{ id: 'input', label: 'Input' }]),
    ...declaredGroups.filter((group) => usedGroups.has(group.id)),
    { id: 'output', label: 'Output mapping' },
    { id: 'retries', label: 'Retries' },
  ];
  return {
    $schema: ELEMENT_TEMPLATE_SCHEMA_URL,
    name: connector.name,
    id: connector.type,
    description: describe(connector),
    version: connector.version,
    ...(connector.documentationRef ? { documentationRef: connector.documentationRef } : {}),
    ...(connector.keywords ? { keywords: [...connector.keywords] } : {}),
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    metadata: { connectorType: connector.type, errors: connector.errors.map(({ code, description }) => ({ code, description })) },
    groups,
    properties: [
      { type: 'Hidden', value: connector.type, binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      ...inputProperties,
      {
        id: RESULT_VARIABLE_HEADER, label: 'Result variable', description: 'Name of the variable that receives the whole result',
        type: 'String', group: 'output', optional: true, ...(connector.resultVariable ? { value: connector.resultVariable } : {}),
        binding: { type: 'zeebe:taskHeader', key: RESULT_VARIABLE_HEADER },
      },
      {
        id: RESULT_EXPRESSION_HEADER, label: 'Result expression',
        description: 'FEEL context evaluated against the result; each entry becomes a variable, e.g. ={ kassenzeichen: body.id }',
        type: 'Text', feel: 'required', group: 'output', optional: true,
        binding: { type: 'zeebe:taskHeader', key: RESULT_EXPRESSION_HEADER },
      },
      {
        id: 'retries', label: 'Retries', description: 'How often a transient failure is retried (with growing back-off) before an incident',
        type: 'String', value: String(connector.retries), group: 'retries',
        binding: { type: 'zeebe:taskDefinition', property: 'retries' },
      },
    ],
  };
}

function describe(connector: Connector<never, unknown>): string {
  if (connector.errors.length === 0) return connector.description;
  const errors = connector.errors.map((error) => `${error.code} (${error.description})`).join(', ');
  return `${connector.description}. BPMN errors: ${errors}`;
}

function templateProperty(name: string, schema: JsonSchema, required: boolean): ElementTemplateProperty {
  const hints: TemplateHints = schema['x-template'] ?? {};
  const binding: ElementTemplateProperty['binding'] = hints.binding === 'header' ? { type: 'zeebe:taskHeader', key: name } : { type: 'zeebe:input', name };
  const common = {
    id: name,
    label: schema.title ?? name,
    ...(schema.description ? { description: schema.description } : {}),
    group: hints.group ?? 'input',
    ...(hints.condition ? { condition: { ...hints.condition } } : {}),
    binding,
  };
  if (hints.hidden) return { ...common, type: 'Hidden', value: staticText(schema.default) };
  const constraints = {
    ...(required ? { notEmpty: true } : {}),
    ...(schema.pattern ? { pattern: { value: schema.pattern, message: `Must match ${schema.pattern}` } } : {}),
  };
  const withConstraints = {
    ...common,
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
    // An empty optional header is left out of the task; an empty input mapping gives null, which means "not given".
    ...(!required && binding.type === 'zeebe:taskHeader' ? { optional: true } : {}),
  };
  return { ...withConstraints, ...fieldKind(schema, hints, binding.type === 'zeebe:input') };
}

/** Which kind of field, its default and its FEEL support. */
function fieldKind(schema: JsonSchema, hints: TemplateHints, isInput: boolean): Pick<ElementTemplateProperty, 'type' | 'value' | 'choices' | 'feel' | 'placeholder'> {
  const placeholder = hints.placeholder ?? (hints.secret ? '{{secrets.NAME}}' : undefined);
  const withPlaceholder = placeholder ? { placeholder } : {};
  if (schema.enum) {
    const labels = hints.choiceLabels ?? schema.enum.map(String);
    return {
      type: 'Dropdown',
      choices: schema.enum.map((value, index) => ({ name: labels[index], value: String(value) })),
      ...(schema.default !== undefined ? { value: String(schema.default) } : {}),
    };
  }
  if (schema.type === 'boolean') {
    return { type: 'Boolean', value: schema.default === true, ...(isInput ? { feel: hints.feel ?? 'optional' } : {}) };
  }
  if (schema.type === 'object' || schema.type === 'array') {
    // Structured values can only be written as FEEL (a context or a list).
    return { type: 'Text', feel: 'required', ...(schema.default !== undefined ? { value: `=${feelLiteral(schema.default)}` } : {}), ...withPlaceholder };
  }
  if ((schema.type === 'number' || schema.type === 'integer') && isInput) {
    return { type: 'Number', feel: hints.feel ?? 'optional', ...(typeof schema.default === 'number' ? { value: schema.default } : {}) };
  }
  return {
    type: hints.multiline ? 'Text' : 'String',
    ...(isInput && hints.feel !== 'static' ? { feel: hints.feel ?? 'optional' } : {}),
    ...(schema.default !== undefined ? { value: staticText(schema.default) } : {}),
    ...withPlaceholder,
  };
}

function staticText(value: unknown): string {
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** A JSON value as a FEEL literal: contexts and lists look like JSON, keys need no quotes when they are names. */
function feelLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(feelLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key)}: ${feelLiteral(item)}`);
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}
