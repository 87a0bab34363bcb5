/** Element templates for our connectors in the modeler: the store, the service that applies them, their fields in the properties panel. */
import { ElementTemplateStore } from './element-template.js';
import { ElementTemplateService } from './element-template-service.js';
import { TemplatePropertiesProvider } from './template-properties-provider.js';

export function elementTemplatesModule(store: ElementTemplateStore) {
  return {
    __init__: ['templatePropertiesProvider'],
    elementTemplateStore: ['value', store],
    elementTemplateService: ['type', ElementTemplateService],
    templatePropertiesProvider: ['type', TemplatePropertiesProvider],
  };
}

export { ElementTemplateStore, type ElementTemplate } from './element-template.js';
export type { ElementTemplateService, DiagramElement } from './element-template-service.js';
