/** A deployed `.dmn` resource → its decision requirements graph, or a rejection naming each decision and rule at fault. */
import { fail, ok, type Result } from '../result.js';
import {
  childElements,
  elementLabel,
  formatValidationErrors,
  hasId,
  readXmlResource,
  stringAttribute,
  validationError,
  type ValidationError,
} from '../xml/index.js';
import { isFeelLanguage } from './expression-text.js';
import { mapDecision } from './map-decision.js';
import type { Decision, DecisionRequirementsGraph } from './model.js';
import { readDmnDocument } from './read-dmn-document.js';
import { validateExpressions } from './validate-expressions.js';
import { validateRequirements } from './validate-requirements.js';

/**
 * Parses and validates a DMN 1.1 to 1.5 resource. A rejection lists every problem found, in the format of BPMN
 * rejections; the deployment puts the resource name in front.
 */
export async function parseDmnResource(content: Buffer | string, _resourceName: string): Promise<Result<DecisionRequirementsGraph>> {
  const resource = await readXmlResource(content, readDmnDocument);
  if (!resource.ok) return resource;
  const { xml, root: definitions } = resource.value;
  const errors: ValidationError[] = [];
  if (!hasId(definitions)) errors.push(validationError(elementLabel(definitions), "Attribute 'id' must be present and not empty"));
  const language = stringAttribute(definitions, 'expressionLanguage');
  if (!isFeelLanguage(language)) errors.push(validationError(elementLabel(definitions), `Expression language '${language}' is not supported`));

  const decisions: Decision[] = [];
  const decisionElements = childElements(definitions, 'drgElement').filter((element) => element.$type === 'dmn:Decision');
  if (decisionElements.length === 0) errors.push(validationError(elementLabel(definitions), 'Must contain at least one decision'));
  for (const element of decisionElements) {
    if (!hasId(element)) {
      errors.push(validationError(elementLabel(element), "Attribute 'id' must be present and not empty"));
      continue;
    }
    const decision = mapDecision(element, errors);
    if (decision) decisions.push(decision);
  }
  validateRequirements(decisions, errors);
  validateExpressions(decisions, errors);
  if (errors.length > 0) return fail(formatValidationErrors(errors));
  return ok({
    decisionRequirementsId: definitions.id!,
    decisionRequirementsName: stringAttribute(definitions, 'name')?.trim() || definitions.id!,
    xml,
    decisions,
  });
}
