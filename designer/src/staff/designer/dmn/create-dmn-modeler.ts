/**
 * dmn-js as process managers get it: the DRD, decision table and literal expression editors (and boxed expressions,
 * which dmn-js offers for business knowledge models), with their strings in the user's language.
 */
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';
import DmnModeler from 'dmn-js/lib/Modeler.js';
import type { Locale } from '../../../shared/i18n/locale.js';
import { libraryTranslate } from '../../../shared/i18n/translator.js';
import { DMN_TRANSLATIONS } from './dmn-translations.js';

export type { DmnElement, DmnView } from 'dmn-js/lib/Modeler.js';
export type { DmnModeler };

export function createDmnModeler(container: HTMLElement, locale: Locale): DmnModeler {
  // dmn-js hands each view only its own `additionalModules` (a `common` list would be overwritten), so each gets the module.
  const translate = { translate: ['value', libraryTranslate(DMN_TRANSLATIONS[locale])] };
  const viewOptions = { additionalModules: [translate] };
  return new DmnModeler({
    container,
    height: '100%',
    drd: viewOptions,
    decisionTable: viewOptions,
    literalExpression: viewOptions,
    boxedExpression: viewOptions,
  });
}
