/** User tasks: the form, assignment and schedule that become the reserved headers of an `io.camunda.zeebe:userTask` job. */
import {
  extensionElements, nonBlankAttribute, stringAttribute, validationError, type ModdleElement, type ValidationError,
} from '../xml/index.js';
import { checkBindingType } from './binding-type.js';
import { optionalValueOrExpression } from './expression.js';
import type { UserTaskDefinition, ValueOrExpression } from './model.js';

/** The form key prefix by which a user task refers to a `zeebe:userTaskForm` embedded in its process. */
const EMBEDDED_FORM_KEY_PREFIX = 'camunda-forms:bpmn:';

export function mapUserTask(
  element: ModdleElement, id: string, embeddedFormIds: ReadonlySet<string>, errors: ValidationError[],
): UserTaskDefinition {
  return {
    ...mapForm(element, id, embeddedFormIds, errors),
    ...presentValues(extensionElements(element, 'zeebe:AssignmentDefinition')[0], ['assignee', 'candidateGroups', 'candidateUsers']),
    ...presentValues(extensionElements(element, 'zeebe:TaskSchedule')[0], ['dueDate', 'followUpDate']),
  };
}

/** The attributes of `element` among `names` that are set, each as a value or an expression. */
function presentValues<Name extends string>(element: ModdleElement | undefined, names: Name[]): Partial<Record<Name, ValueOrExpression>> {
  const values: Partial<Record<Name, ValueOrExpression>> = {};
  for (const name of names) {
    const value = element && optionalValueOrExpression(stringAttribute(element, name));
    if (value) values[name] = value;
  }
  return values;
}

function mapForm(
  element: ModdleElement, id: string, embeddedFormIds: ReadonlySet<string>, errors: ValidationError[],
): Pick<UserTaskDefinition, 'formKey' | 'formId'> {
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
