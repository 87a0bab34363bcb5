/**
 * Applies, edits and removes element templates on the diagram (a diagram-js service, `elementTemplateService`).
 * Every change goes through `modeling`, so it can be undone.
 */
import { buildTemplateExtensions, defaultTemplateValue, readTemplateValue, type BpmnFactory, type ModdleObject } from './template-bindings.js';
import type { ElementTemplate, ElementTemplateStore, TemplateProperty } from './element-template.js';

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleObject;
}

interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
}

interface BpmnReplace {
  replaceElement(element: DiagramElement, target: { type: string }): DiagramElement;
}

export class ElementTemplateService {
  static $inject = ['elementTemplateStore', 'modeling', 'bpmnReplace', 'bpmnFactory'];

  constructor(
    private readonly store: ElementTemplateStore,
    private readonly modeling: Modeling,
    private readonly bpmnReplace: BpmnReplace,
    private readonly bpmnFactory: BpmnFactory,
  ) {}

  /** The templates that may be applied to `element` (a task, for ours). */
  applicableTo(element: DiagramElement): ElementTemplate[] {
    return this.store.all().filter((template) => template.appliesTo.some((type) => element.businessObject.$instanceOf(type)));
  }

  /** The template `element` was made from, if any. */
  templateOf(element: DiagramElement): ElementTemplate | undefined {
    const id = element.businessObject.get('zeebe:modelerTemplate');
    if (!id) return undefined;
    return this.store.find(id, Number(element.businessObject.get('zeebe:modelerTemplateVersion')) || undefined);
  }

  /** Makes `element` the template's element type and fills it with the template's defaults. Answers the new element. */
  apply(element: DiagramElement, template: ElementTemplate): DiagramElement {
    const targetType = template.elementType?.value;
    const target = targetType && element.type !== targetType ? this.bpmnReplace.replaceElement(element, { type: targetType }) : element;
    const extensionElements = buildTemplateExtensions(this.bpmnFactory, target.businessObject, template, defaultTemplateValue);
    this.modeling.updateProperties(target, {
      'zeebe:modelerTemplate': template.id,
      'zeebe:modelerTemplateVersion': template.version,
      extensionElements,
    });
    return target;
  }

  /** Sets one field; the others keep their values, and fields whose condition stops holding are dropped. */
  setValue(element: DiagramElement, property: TemplateProperty, value: string | boolean | undefined) {
    const template = this.templateOf(element);
    if (!template) return;
    const current = (other: TemplateProperty) => (other === property ? value : this.valueOf(element, other, template));
    this.modeling.updateProperties(element, { extensionElements: buildTemplateExtensions(this.bpmnFactory, element.businessObject, template, current) });
  }

  valueOf(element: DiagramElement, property: TemplateProperty, template = this.templateOf(element)): string | boolean | undefined {
    // Hidden fields always hold the template's value (the job type).
    if (property.type === 'Hidden') return defaultTemplateValue(property);
    const stored = readTemplateValue(element.businessObject, property);
    if (stored !== undefined) return stored;
    return template && property.type === 'Boolean' ? false : undefined;
  }

  /** Keeps the task as it is but no longer tied to the template: its fields become ordinary Zeebe properties. */
  unlink(element: DiagramElement) {
    this.modeling.updateProperties(element, { 'zeebe:modelerTemplate': undefined, 'zeebe:modelerTemplateVersion': undefined });
  }
}
