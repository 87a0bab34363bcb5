/** A `<decision>` → a decision of the model: its requirements, its result name and its logic. */
import {
  childElement,
  childElements,
  nonBlankAttribute,
  stringAttribute,
  validationError,
  type ModdleElement,
  type ValidationError,
} from '../xml/index.js';
import { expressionText } from './expression-text.js';
import { mapDecisionTable } from './map-decision-table.js';
import type { Decision, LiteralExpression } from './model.js';

const NO_SUPPORTED_LOGIC = 'decision logic other than decision tables and literal expressions (contexts, invocations, lists, '
  + 'relations, function definitions, the boxed expressions of DMN 1.4 and 1.5) is not supported';

export function mapDecision(decision: ModdleElement & { id: string }, errors: ValidationError[]): Decision | undefined {
  const { id } = decision;
  const requiredDecisions = readRequiredDecisions(decision, errors);
  const variableElement = childElement(decision, 'variable');
  const variableName = variableElement && nonBlankAttribute(variableElement, 'name');
  const logicElement = childElement(decision, 'decisionLogic');
  let logic: Decision['logic'];
  if (logicElement?.$type === 'dmn:DecisionTable') {
    logic = mapDecisionTable(id, logicElement, errors);
  } else if (logicElement?.$type === 'dmn:LiteralExpression') {
    logic = mapLiteralExpression(id, logicElement, variableElement, errors);
  } else {
    const tag = logicElement && tagName(logicElement);
    const found = tag === undefined ? 'none' : `${/^[aeiou]/.test(tag) ? 'an' : 'a'} <${tag}>`;
    errors.push(validationError(id,
      `Expected the decision to have a <decisionTable> or a <literalExpression>, but found ${found}; ${NO_SUPPORTED_LOGIC}`));
    return undefined;
  }
  return { id, name: nonBlankAttribute(decision, 'name') ?? id, requiredDecisions, resultName: variableName ?? id, logic };
}

/** `dmn:FunctionDefinition` → `functionDefinition` */
function tagName(element: ModdleElement): string {
  const localName = element.$type.replace(/^dmn:/, '');
  return localName.charAt(0).toLowerCase() + localName.slice(1);
}

/** `<informationRequirement><requiredDecision href="#id"/>`; required input data needs nothing at evaluation. */
function readRequiredDecisions(decision: ModdleElement & { id: string }, errors: ValidationError[]): string[] {
  const ids: string[] = [];
  for (const requirement of childElements(decision, 'informationRequirement')) {
    const reference = childElement(requirement, 'requiredDecision');
    if (reference === undefined) continue;
    const href = stringAttribute(reference, 'href') ?? '';
    const local = /^#(.+)$/.exec(href.trim());
    if (local) {
      ids.push(local[1]!);
    } else {
      errors.push(validationError(decision.id,
        `Expected a required decision of this file, referred to as '#<decision id>', but found '${href}'`, ['informationRequirement']));
    }
  }
  return ids;
}

function mapLiteralExpression(
  decisionId: string, expression: ModdleElement, variable: ModdleElement | undefined, errors: ValidationError[],
): LiteralExpression {
  const text = expressionText(expression, { decisionId, path: ['literalExpression'] }, errors);
  const variableName = variable && nonBlankAttribute(variable, 'name');
  const typeRef = (variable && nonBlankAttribute(variable, 'typeRef')) ?? nonBlankAttribute(expression, 'typeRef');
  return { type: 'LITERAL_EXPRESSION', expression: text, ...(variableName && { variableName }), ...(typeRef && { typeRef }) };
}
