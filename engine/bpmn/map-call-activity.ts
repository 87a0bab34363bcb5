/** Call activities: the process `zeebe:calledElement` names, and which variables cross between parent and child. */
import {
  extensionElements, stringAttribute, validationError, type ModdleElement, type ValidationError,
} from '../xml/index.js';
import { checkBindingType } from './binding-type.js';
import { optionalValueOrExpression } from './expression.js';
import type { CallActivityDefinition } from './model.js';

export function mapCallActivity(element: ModdleElement, id: string, errors: ValidationError[]): CallActivityDefinition | undefined {
  const calledElements = extensionElements(element, 'zeebe:CalledElement');
  if (calledElements.length !== 1) {
    errors.push(validationError(id, "Must have exactly one 'zeebe:calledElement' extension element", element.extensionElements ? ['extensionElements'] : []));
    return undefined;
  }
  const calledElement = calledElements[0]!;
  const path = ['extensionElements', 'calledElement'];
  checkBindingType(calledElement, id, path, errors);
  const processId = optionalValueOrExpression(stringAttribute(calledElement, 'processId'));
  if (!processId) {
    errors.push(validationError(id, "Attribute 'processId' must be present and not empty", path));
    return undefined;
  }
  return {
    processId,
    // both default to true in Zeebe; moddle gives booleans for these attributes
    propagateAllChildVariables: calledElement.propagateAllChildVariables !== false,
    propagateAllParentVariables: calledElement.propagateAllParentVariables !== false,
  };
}
