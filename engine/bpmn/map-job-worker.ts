/**
 * Service, send, business rule and script tasks: `zeebe:taskDefinition` (a job), or `zeebe:script` for script tasks,
 * or `zeebe:calledDecision` for business rule tasks.
 */
import {
  childElements, extensionElements, stringAttribute, validationError, type ModdleElement, type ValidationError,
} from '../xml/index.js';
import { checkBindingType } from './binding-type.js';
import { optionalValueOrExpression, requiredExpression } from './expression.js';
import type { CalledDecisionDefinition, FlowNode, JobDefinition, ScriptDefinition } from './model.js';

const DEFAULT_RETRIES = '3';

/** Fills `node.job`, `node.script` or `node.calledDecision` for a task of `node.kind`. */
export function mapJobWorkerTask(element: ModdleElement, node: FlowNode, errors: ValidationError[]): void {
  const taskDefinitions = extensionElements(element, 'zeebe:TaskDefinition');
  const scripts = node.kind === 'scriptTask' ? extensionElements(element, 'zeebe:Script') : [];
  const decisions = node.kind === 'businessRuleTask' ? extensionElements(element, 'zeebe:CalledDecision') : [];
  const path = element.extensionElements ? ['extensionElements'] : [];
  if (taskDefinitions.length + scripts.length + decisions.length !== 1) {
    errors.push(validationError(node.id, extensionCountMessage(node.kind), path));
  } else if (scripts[0]) {
    node.script = mapScript(scripts[0], node.id, errors);
  } else if (decisions[0]) {
    node.calledDecision = mapCalledDecision(decisions[0], node.id, errors);
  } else {
    node.job = mapTaskDefinition(element, taskDefinitions[0]!, node.id, errors);
  }
}

function extensionCountMessage(kind: FlowNode['kind']): string {
  switch (kind) {
    case 'scriptTask': return "Must have either one 'zeebe:script' or one 'zeebe:taskDefinition' extension element";
    case 'businessRuleTask': return "Must have either one 'zeebe:calledDecision' or one 'zeebe:taskDefinition' extension element";
    default: return "Must have exactly one 'zeebe:taskDefinition' extension element";
  }
}

function mapTaskDefinition(
  element: ModdleElement, definition: ModdleElement, id: string, errors: ValidationError[],
): JobDefinition | undefined {
  const path = ['extensionElements', 'taskDefinition'];
  const type = optionalValueOrExpression(stringAttribute(definition, 'type'));
  if (!type) errors.push(validationError(id, "Attribute 'type' must be present and not empty", path));
  const retries = optionalValueOrExpression(stringAttribute(definition, 'retries')) ?? { kind: 'static', value: DEFAULT_RETRIES };
  if (retries.kind === 'static' && !/^\s*\d+\s*$/.test(retries.value)) {
    errors.push(validationError(id, `Attribute 'retries' must be a number or an expression, but was '${retries.value}'`, path));
  }
  const headers = mapTaskHeaders(element, id, errors);
  return type ? { type, retries, headers } : undefined;
}

function mapTaskHeaders(element: ModdleElement, id: string, errors: ValidationError[]): Record<string, string> {
  const entries: Array<[string, string]> = [];
  for (const taskHeaders of extensionElements(element, 'zeebe:TaskHeaders')) {
    for (const header of childElements(taskHeaders, 'values')) {
      const key = stringAttribute(header, 'key') ?? '';
      if (key === '') {
        errors.push(validationError(id, "Attribute 'key' must be present and not empty", ['extensionElements', 'taskHeaders', 'header']));
      } else {
        entries.push([key, stringAttribute(header, 'value') ?? '']);
      }
    }
  }
  // fromEntries defines own properties, so a header named `__proto__` stays a header
  return Object.fromEntries(entries);
}

function mapScript(script: ModdleElement, id: string, errors: ValidationError[]): ScriptDefinition | undefined {
  const path = ['extensionElements', 'script'];
  const rawExpression = stringAttribute(script, 'expression') ?? '';
  const resultVariable = stringAttribute(script, 'resultVariable')?.trim() ?? '';
  const expression = rawExpression.trim() === '' ? undefined : requiredExpression(rawExpression);
  if (!expression) errors.push(validationError(id, "Attribute 'expression' must be present and not empty", path));
  else if ('error' in expression) errors.push(validationError(id, expression.error, path));
  if (resultVariable === '') errors.push(validationError(id, "Attribute 'resultVariable' must be present and not empty", path));
  return expression && 'source' in expression && resultVariable !== ''
    ? { expression: expression.source, resultVariable }
    : undefined;
}

function mapCalledDecision(decision: ModdleElement, id: string, errors: ValidationError[]): CalledDecisionDefinition | undefined {
  const path = ['extensionElements', 'calledDecision'];
  const decisionId = optionalValueOrExpression(stringAttribute(decision, 'decisionId'));
  const resultVariable = stringAttribute(decision, 'resultVariable')?.trim() ?? '';
  if (!decisionId) errors.push(validationError(id, "Attribute 'decisionId' must be present and not empty", path));
  if (resultVariable === '') errors.push(validationError(id, "Attribute 'resultVariable' must be present and not empty", path));
  checkBindingType(decision, id, path, errors);
  return decisionId && resultVariable !== '' ? { decisionId, resultVariable } : undefined;
}
