/** Element templates generated from declarations: valid against Camunda's schema, and the task they write runs. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defineConnector } from '../sdk/index.js';
import { bpmnProcess, flow, runToEnd, serviceTask, startConnectorTestBed, type ConnectorTestBed } from '../testing/connector-test-bed.js';
import { elementTemplateOf, type ElementTemplate } from './element-template.js';
import { elementTemplateProblems } from './element-template-schema.js';

interface NoticeInput {
  reference: string;
  body?: string;
  language: string;
  urgent: boolean;
  copies: number;
  channel: string;
  postalCode?: string;
  recipients: string[];
  token?: string;
  format: string;
}

const notice = defineConnector<NoticeInput, NoticeInput>({
  type: 'test:notice:1',
  name: 'Notice',
  description: 'Echoes its input',
  groups: [{ id: 'input', label: 'Bescheid' }, { id: 'delivery', label: 'Zustellung' }],
  input: {
    type: 'object',
    required: ['reference', 'language', 'recipients'],
    properties: {
      reference: { type: 'string', title: 'Aktenzeichen', pattern: '^[0-9]{2}-[0-9]+$' },
      body: { type: 'string', title: 'Text', 'x-template': { multiline: true } },
      language: { type: 'string', title: 'Sprache', enum: ['de', 'en', 'ar'], default: 'de', 'x-template': { choiceLabels: ['Deutsch', 'English', 'العربية'] } },
      urgent: { type: 'boolean', title: 'Eilig', default: false },
      copies: { type: 'integer', minimum: 1, default: 1 },
      channel: { type: 'string', enum: ['post', 'mail'], default: 'post', 'x-template': { binding: 'header', group: 'delivery' } },
      postalCode: { type: 'string', 'x-template': { binding: 'header', group: 'delivery', condition: { property: 'channel', equals: 'post' } } },
      recipients: { type: 'array', items: { type: 'string' }, default: ['poststelle@leichlingen.de'] },
      token: { type: 'string', 'x-template': { secret: true, group: 'delivery' } },
      format: { type: 'string', default: 'pdf/a', 'x-template': { hidden: true } },
    },
  },
  errors: [{ code: 'NO_ADDRESS', description: 'The recipient has no address' }],
  resultVariable: 'notice',
  async run(input) {
    return input;
  },
});

describe('element templates', () => {
  const template = elementTemplateOf(notice);

  it('are valid against the Zeebe element template schema', () => {
    expect(elementTemplateProblems(template)).toEqual([]);
  });

  it('are checked for real: a template with a header binding without key is refused', () => {
    const broken = { ...template, properties: [...template.properties, { type: 'String', binding: { type: 'zeebe:taskHeader' } }] };
    expect(elementTemplateProblems(broken).join('\n')).toContain("must have required property 'key'");
  });

  it('make the task a service task of the connector type with the declared retries', () => {
    expect(template).toMatchObject({ id: 'test:notice:1', appliesTo: ['bpmn:Task'], elementType: { value: 'bpmn:ServiceTask' } });
    expect(template.properties[0]).toEqual({ type: 'Hidden', value: 'test:notice:1', binding: { type: 'zeebe:taskDefinition', property: 'type' } });
    expect(byId(template, 'retries')).toMatchObject({ value: '3', binding: { type: 'zeebe:taskDefinition', property: 'retries' } });
  });

  it('turn each kind of input property into the matching field', () => {
    expect(byId(template, 'reference')).toMatchObject({
      type: 'String', feel: 'optional', label: 'Aktenzeichen', constraints: { notEmpty: true, pattern: { value: '^[0-9]{2}-[0-9]+$' } },
      binding: { type: 'zeebe:input', name: 'reference' },
    });
    expect(byId(template, 'body')).toMatchObject({ type: 'Text' });
    expect(byId(template, 'language')).toMatchObject({
      type: 'Dropdown', value: 'de', choices: [{ name: 'Deutsch', value: 'de' }, { name: 'English', value: 'en' }, { name: 'العربية', value: 'ar' }],
    });
    expect(byId(template, 'urgent')).toMatchObject({ type: 'Boolean', value: false });
    expect(byId(template, 'copies')).toMatchObject({ type: 'Number', value: 1 });
    expect(byId(template, 'channel')).toMatchObject({ type: 'Dropdown', group: 'delivery', binding: { type: 'zeebe:taskHeader', key: 'channel' } });
    expect(byId(template, 'postalCode')).toMatchObject({ optional: true, condition: { property: 'channel', equals: 'post' } });
    expect(byId(template, 'recipients')).toMatchObject({ type: 'Text', feel: 'required', value: '=["poststelle@leichlingen.de"]' });
    expect(byId(template, 'token')).toMatchObject({ placeholder: '{{secrets.NAME}}' });
    expect(byId(template, 'format')).toMatchObject({ type: 'Hidden', value: 'pdf/a' });
  });

  it('offer the result variable and result expression headers and list the BPMN errors', () => {
    expect(byId(template, 'resultVariable')).toMatchObject({ value: 'notice', binding: { type: 'zeebe:taskHeader', key: 'resultVariable' } });
    expect(byId(template, 'resultExpression')).toMatchObject({ feel: 'required', binding: { type: 'zeebe:taskHeader', key: 'resultExpression' } });
    expect(template.metadata.errors).toEqual([{ code: 'NO_ADDRESS', description: 'The recipient has no address' }]);
    expect(template.groups.map((group) => group.id)).toEqual(['input', 'delivery', 'output', 'retries']);
  });
});

describe('a task set up from a template', () => {
  let bed: ConnectorTestBed;
  beforeAll(async () => {
    bed = await startConnectorTestBed([notice]);
  });
  afterAll(async () => bed.destroy());

  it('runs with the values the designer writes for its fields', async () => {
    const values: Record<string, string | boolean | number> = { reference: '=antrag.aktenzeichen', urgent: true, copies: 2, postalCode: '42799', token: '' };
    const variables = await runToEnd(bed, 'templated', bpmnProcess('templated', taskFromTemplate(elementTemplateOf(notice), values)), { antrag: { aktenzeichen: '32-4711' } });
    expect(variables.notice).toEqual({
      reference: '32-4711', language: 'de', urgent: true, copies: 2, channel: 'post', postalCode: '42799',
      recipients: ['poststelle@leichlingen.de'], format: 'pdf/a',
    });
  });
});

function byId(template: ElementTemplate, id: string) {
  const property = template.properties.find((each) => each.id === id);
  if (!property) throw new Error(`No property '${id}'`);
  return property;
}

/**
 * Writes a service task the way the Camunda properties panel applies a template: defaults, then the given values;
 * Boolean and Number inputs become FEEL literals, empty optional fields are left out.
 */
function taskFromTemplate(template: ElementTemplate, values: Record<string, string | boolean | number>): string {
  let type = '';
  let retries = '3';
  const inputs: string[] = [];
  const headers: string[] = [];
  for (const property of template.properties) {
    const value = property.id !== undefined && property.id in values ? values[property.id] : property.value;
    if (property.binding.type === 'zeebe:taskDefinition') {
      if (property.binding.property === 'type') type = String(value);
      else retries = String(value);
    } else if (value !== undefined && value !== '') {
      const text = property.type === 'Boolean' || property.type === 'Number' ? `=${value}` : String(value);
      const escaped = text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      if (property.binding.type === 'zeebe:input') inputs.push(`<zeebe:input source="${escaped}" target="${property.binding.name}" />`);
      else headers.push(`<zeebe:header key="${property.binding.key}" value="${escaped}" />`);
    }
  }
  const extensions = `<zeebe:ioMapping>${inputs.join('')}</zeebe:ioMapping><zeebe:taskHeaders>${headers.join('')}</zeebe:taskHeaders>`;
  return ['<bpmn:startEvent id="start" />', serviceTask('task', type, extensions, retries), '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'task'), flow('f2', 'task', 'end')].join('');
}
