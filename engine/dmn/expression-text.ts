/** The text of a DMN expression element (`<text>` of a literal expression or of unary tests), which must be FEEL. */
import { childElement, stringAttribute, validationError, type ModdleElement, type ValidationError } from '../xml/index.js';

/** Where an expression sits, for the rejection: the decision and the path below it. */
export interface ExpressionPlace {
  decisionId: string;
  path: string[];
}

/** DMN names FEEL by a URI that changed with each version (`https://www.omg.org/spec/DMN/20191111/FEEL/`); Camunda says `feel`. */
export function isFeelLanguage(language: string | undefined): boolean {
  return language === undefined || /feel/i.test(language);
}

/** The element's text ('' when it has none), after checking that the element's expression language is FEEL. */
export function expressionText(element: ModdleElement, place: ExpressionPlace, errors: ValidationError[]): string {
  const language = stringAttribute(element, 'expressionLanguage');
  if (!isFeelLanguage(language)) {
    errors.push(validationError(place.decisionId, `Expression language '${language}' is not supported`, place.path));
  }
  return stringAttribute(element, 'text') ?? '';
}

/** The text of an optional child expression element (`outputValues`, `defaultOutputEntry`), undefined when absent. */
export function childExpressionText(
  parent: ModdleElement, property: string, place: ExpressionPlace, errors: ValidationError[],
): string | undefined {
  const element = childElement(parent, property);
  return element === undefined ? undefined : expressionText(element, { ...place, path: [...place.path, property] }, errors);
}
