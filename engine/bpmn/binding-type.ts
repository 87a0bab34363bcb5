import { stringAttribute, validationError, type ModdleElement, type ValidationError } from '../xml/index.js';
/** Zeebe's `bindingType` of linked forms and called processes: only `latest` resolves here so far. */

export function checkBindingType(element: ModdleElement, id: string, path: string[], errors: ValidationError[]): void {
  const bindingType = stringAttribute(element, 'bindingType');
  if (bindingType !== undefined && bindingType !== 'latest') {
    errors.push(validationError(id, `Binding type '${bindingType}' is not supported yet; only 'latest' is`, path));
  }
}
