/**
 * The BPMN modeler as process managers get it: bpmn-js with the Zeebe moddle, Camunda 8 modeling behaviours, the
 * properties panel with the Zeebe provider, our connectors' element templates, and the modeler's strings in the
 * user's language.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import * as modelerModule from 'bpmn-js/lib/Modeler.js';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeTooltipProvider } from 'bpmn-js-properties-panel';
import camundaCloudBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-cloud/index.js';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import type { Locale } from '../../../shared/i18n/locale.js';
import { libraryTranslate } from '../../../shared/i18n/translator.js';
import { BPMN_TRANSLATIONS } from './bpmn-translations.js';
import { elementTemplatesModule, type ElementTemplateStore } from './element-templates/index.js';

// bpmn-js's files are ESM in a package without `"type": "module"`: TypeScript (NodeNext) wraps them like CommonJS,
// so it sees the class one `default` deeper than the bundler does.
type ModelerClass = typeof modelerModule.default.default;
const wrapped = modelerModule.default as unknown as { default?: ModelerClass };
const Modeler: ModelerClass = wrapped.default ?? (wrapped as unknown as ModelerClass);
export type Modeler = InstanceType<ModelerClass>;

export interface ModelerOptions {
  canvas: HTMLElement;
  propertiesPanel: HTMLElement;
  locale: Locale;
  templates: ElementTemplateStore;
}

/**
 * camunda-bpmn-js-behaviors gives every new user task a `zeebe:userTask` (Camunda 8.5's engine-managed user task). The
 * engine speaks Zeebe 8.3, where user tasks are jobs, and rejects it, as does the 8.3 lint; so that behaviour is off.
 */
const keepUserTasksJobBased = { createZeebeUserTaskBehavior: ['value', {}] };

export function createModeler({ canvas, propertiesPanel, locale, templates }: ModelerOptions): Modeler {
  return new Modeler({
    container: canvas,
    propertiesPanel: { parent: propertiesPanel, tooltip: ZeebeTooltipProvider },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      camundaCloudBehaviors,
      keepUserTasksJobBased,
      elementTemplatesModule(templates),
      { translate: ['value', libraryTranslate(BPMN_TRANSLATIONS[locale])] },
    ],
    moddleExtensions: { zeebe: zeebeModdle },
  });
}
