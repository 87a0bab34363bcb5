/**
 * A reason a process cannot be deployed, worded like Zeebe's deployment rejections:
 * `- Element: ServiceTask_1 > extensionElements > taskDefinition\n    - ERROR: Attribute 'type' must be present and not empty`.
 */
export interface ValidationError {
  /** Id of the offending element (or a description of it when it has no id). */
  elementId: string;
  /** The XML path below the element, e.g. `['extensionElements', 'taskDefinition']`. */
  path: string[];
  message: string;
}

/** Beyond this many, a rejection lists only the count, so a hostile file cannot produce a giant message. */
const MAX_REPORTED_ERRORS = 100;

export function validationError(elementId: string, message: string, path: string[] = []): ValidationError {
  return { elementId, path, message };
}

/** Lists each problem once, though it may be found more than once (a message that two events refer to). */
export function formatValidationErrors(errors: ValidationError[]): string {
  const distinct = [...new Set(errors.map(({ elementId, path, message }) =>
    `- Element: ${[elementId, ...path].join(' > ')}\n    - ERROR: ${message}`))];
  const shown = distinct.slice(0, MAX_REPORTED_ERRORS);
  if (distinct.length > MAX_REPORTED_ERRORS) {
    shown.push(`- ... and ${distinct.length - MAX_REPORTED_ERRORS} more errors`);
  }
  return shown.join('\n');
}
