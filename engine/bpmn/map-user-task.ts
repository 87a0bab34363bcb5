/** User tasks: the form, assignment and schedule that become the reserved headers of an `io.camunda.zeebe:userTask` job. */
import { extensionElements, stringAttribute, type ModdleElement, type ValidationError } from '../xml/index.js';
import { optionalValueOrExpression } from './expression.js';
import { mapFormLink } from './map-form-link.js';
import type { UserTaskDefinition, ValueOrExpression } from './model.js';

export function mapUserTask(
  element: ModdleElement, id: string, embeddedFormIds: ReadonlySet<string>, errors: ValidationError[],
): UserTaskDefinition {
  return {
    ...mapFormLink(element, id, embeddedFormIds, errors),
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
