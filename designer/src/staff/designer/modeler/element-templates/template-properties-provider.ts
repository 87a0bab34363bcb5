/**
 * Shows a templated task's fields in the properties panel, in the template's groups, instead of the raw Zeebe task
 * definition, inputs and headers (which the template owns). Runs after the Zeebe provider (lower priority).
 */
import { CheckboxEntry, SelectEntry, TextAreaEntry, TextFieldEntry, isCheckboxEntryEdited, isSelectEntryEdited, isTextAreaEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { createElement as h } from '@bpmn-io/properties-panel/preact';
import type { LibraryTranslate } from '../../../../shared/i18n/translator.js';
import { conditionHolds, type ElementTemplate, type TemplateProperty } from './element-template.js';
import type { DiagramElement, ElementTemplateService } from './element-template-service.js';

const AFTER_ZEEBE_PROVIDER = 100;
const GROUPS_OWNED_BY_TEMPLATES = new Set(['taskDefinition', 'inputs', 'headers']);

interface Entry {
  id: string;
  component: unknown;
  isEdited?: unknown;
}
interface Group {
  id: string;
  label: string;
  entries: Entry[];
  /** Open when the element is selected: a template's fields are what one fills in next. */
  shouldOpen?: boolean;
}

export class TemplatePropertiesProvider {
  static $inject = ['propertiesPanel', 'elementTemplateService', 'translate', 'debounceInput'];

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: TemplatePropertiesProvider): void },
    private readonly templates: ElementTemplateService,
    private readonly translate: LibraryTranslate,
    private readonly debounce: (fn: unknown) => unknown,
  ) {
    propertiesPanel.registerProvider(AFTER_ZEEBE_PROVIDER, this);
  }

  getGroups(element: DiagramElement) {
    return (groups: Group[]): Group[] => {
      const template = this.templates.templateOf(element);
      if (!template) return groups;
      const kept = groups.filter((group) => !GROUPS_OWNED_BY_TEMPLATES.has(group.id));
      const [general, ...rest] = kept;
      return [general, this.templateGroup(element, template), ...this.fieldGroups(element, template), ...rest].filter(Boolean);
    };
  }

  private templateGroup(element: DiagramElement, template: ElementTemplate): Group {
    const { translate, templates } = this;
    const TemplateInfo = () => h('div', { class: 'amtsflow-template-info' },
      h('p', null, h('strong', null, template.name), template.version ? ` (${translate('Version {version}', { version: template.version })})` : ''),
      template.description ? h('p', null, template.description) : null,
      h('button', { type: 'button', class: 'bio-properties-panel-add-entry amtsflow-template-unlink', onClick: () => templates.unlink(element) }, translate('Unlink template')));
    return { id: 'amtsflow-template', label: translate('Template'), shouldOpen: true, entries: [{ id: 'amtsflow-template-info', component: TemplateInfo }] };
  }

  private fieldGroups(element: DiagramElement, template: ElementTemplate): Group[] {
    const byId = new Map(template.properties.filter((property) => property.id).map((property) => [property.id!, property]));
    const valueOfId = (id: string) => {
      const property = byId.get(id);
      return property ? this.templates.valueOf(element, property, template) : undefined;
    };
    const visible = template.properties.filter((property) => property.type !== 'Hidden' && conditionHolds(property.condition, valueOfId));
    const groups = template.groups ?? [];
    const grouped = groups.map((group) => ({
      id: `amtsflow-template-group-${group.id}`,
      label: group.label,
      shouldOpen: true,
      entries: visible.filter((property) => property.group === group.id).map((property, index) => this.entry(element, property, index)),
    }));
    const ungrouped = visible.filter((property) => !groups.some((group) => group.id === property.group));
    if (ungrouped.length > 0) {
      grouped.push({ id: 'amtsflow-template-group-other', label: this.translate('Template fields'), shouldOpen: true, entries: ungrouped.map((property, index) => this.entry(element, property, index)) });
    }
    return grouped.filter((group) => group.entries.length > 0);
  }

  private entry(element: DiagramElement, property: TemplateProperty, index: number): Entry {
    const id = `amtsflow-template-field-${property.id ?? index}`;
    const { templates, translate, debounce } = this;
    const label = property.label ?? property.id ?? '';
    const description = [property.description, property.feel === 'required' ? translate('A FEEL expression, starting with =') : undefined].filter(Boolean).join(' ');
    const getValue = () => templates.valueOf(element, property);
    const setValue = (value: string | boolean | undefined) => templates.setValue(element, property, value === '' ? undefined : value);
    const validate = (value: string | undefined) => {
      if (property.constraints?.notEmpty && (value === undefined || value.trim() === '')) return translate('Must not be empty.');
      const pattern = property.constraints?.pattern;
      const source = typeof pattern === 'string' ? pattern : pattern?.value;
      if (source && value && !value.startsWith('=') && !new RegExp(`^(?:${source})$`).test(value)) {
        return (typeof pattern === 'object' && pattern.message) || translate('Must match {pattern}.', { pattern: source });
      }
      return undefined;
    };
    const common = { element, id, label, description, getValue, setValue };
    switch (property.type) {
      case 'Boolean':
        return { id, component: () => h(CheckboxEntry, common), isEdited: isCheckboxEntryEdited };
      case 'Dropdown':
        return {
          id,
          component: () => h(SelectEntry, { ...common, getOptions: () => (property.choices ?? []).map((choice) => ({ label: choice.name, value: choice.value })) }),
          isEdited: isSelectEntryEdited,
        };
      case 'Text':
        return { id, component: () => h(TextAreaEntry, { ...common, debounce, validate, rows: 3 }), isEdited: isTextAreaEntryEdited };
      default:
        return { id, component: () => h(TextFieldEntry, { ...common, debounce, validate }), isEdited: isTextFieldEntryEdited };
    }
  }
}
