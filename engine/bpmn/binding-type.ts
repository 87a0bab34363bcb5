/** Zeebe's `bindingType` of linked forms and called processes: only `latest` resolves here so far. */
import { stringAttribute, type ModdleElement } from './moddle-element.js';
import { validationError, type ValidationError } from './validation-error.js';

export function checkBindingType(element: ModdleElement, id: string, path: string[], errors: ValidationError[]): void {
  const bindingType = stringAttribute(element, 'bindingType');
  if (bindingType !== undefined && bindingType !== 'latest') {
    errors.push(validationError(id, `Binding type '${bindingType}' is not supported yet; only 'latest' is`, path));
  }
}
