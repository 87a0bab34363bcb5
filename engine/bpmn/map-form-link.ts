/**
 * `zeebe:formDefinition` of a user task or a start event: a linked form by `formId` (the latest deployed version) or
 * a `formKey` (a custom key, or `camunda-forms:bpmn:<id>` for a form embedded in the process).
 */
import { extensionElements, nonBlankAttribute, validationError, type ModdleElement, type ValidationError } from '../xml/index.js';
import { checkBindingType } from './binding-type.js';
import type { FormLink } from './model.js';

/** The form key prefix by which an element refers to a `zeebe:userTaskForm` embedded in its process. */
export const EMBEDDED_FORM_KEY_PREFIX = 'camunda-forms:bpmn:';

export function mapFormLink(
  element: ModdleElement, id: string, embeddedFormIds: ReadonlySet<string>, errors: ValidationError[],
): FormLink {
  const forms = extensionElements(element, 'zeebe:FormDefinition');
  const path = ['extensionElements', 'formDefinition'];
  if (forms.length > 1) errors.push(validationError(id, "Must have at most one 'zeebe:formDefinition' extension element", ['extensionElements']));
  const form = forms[0];
  if (!form) return {};
  const formKey = nonBlankAttribute(form, 'formKey');
  const formId = nonBlankAttribute(form, 'formId');
  if (nonBlankAttribute(form, 'externalReference') !== undefined) {
    errors.push(validationError(id, "Attribute 'externalReference' is not supported yet", path));
  } else if ((formKey === undefined) === (formId === undefined)) {
    errors.push(validationError(id, "Exactly one of the attributes 'formId' or 'formKey' must be present and not empty", path));
  }
  checkBindingType(form, id, path, errors);
  const embeddedFormId = formKey?.startsWith(EMBEDDED_FORM_KEY_PREFIX) ? formKey.slice(EMBEDDED_FORM_KEY_PREFIX.length) : undefined;
  if (embeddedFormId !== undefined && !embeddedFormIds.has(embeddedFormId)) {
    errors.push(validationError(id, `Form key '${formKey}' refers to no 'zeebe:userTaskForm' with id '${embeddedFormId}' in the process`, path));
  }
  return { ...(formKey !== undefined && { formKey }), ...(formId !== undefined && { formId }) };
}
