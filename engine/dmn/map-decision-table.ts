/** A `<decisionTable>` → the table of the model, checking what makes it a table: hit policy, columns, rule sizes. */
import { evaluateFeel } from '../feel/index.js';
import { childElement, childElements, nonBlankAttribute, validationError, type ModdleElement, type ValidationError } from '../xml/index.js';
import { childExpressionText, expressionText, type ExpressionPlace } from './expression-text.js';
import {
  AGGREGATIONS,
  HIT_POLICIES,
  type Aggregation,
  type DecisionRule,
  type DecisionTable,
  type DecisionTableInput,
  type DecisionTableOutput,
  type HitPolicy,
} from './model.js';

export function mapDecisionTable(decisionId: string, table: ModdleElement, errors: ValidationError[]): DecisionTable {
  const error = (message: string, path: string[] = []) => errors.push(validationError(decisionId, message, path));
  const hitPolicy = readHitPolicy(table, error);
  const aggregation = readAggregation(table, hitPolicy, error);
  const inputs = childElements(table, 'input').map((input, index) => mapInput(input, index, decisionId, errors));
  const outputs = childElements(table, 'output').map((output, index) => mapOutput(output, index, decisionId, errors));
  checkOutputs(outputs, hitPolicy, aggregation, error);
  const rules = childElements(table, 'rule').map((rule, index) => {
    const mapped = mapRule(rule, index, decisionId, errors);
    checkRuleSize(mapped, labelOf('rule', mapped.id, index), inputs.length, outputs.length, error);
    return mapped;
  });
  return { type: 'DECISION_TABLE', hitPolicy, ...(aggregation && { aggregation }), inputs, outputs, rules };
}

/** How an input, output or rule is named in a rejection: by its id, else by its position. */
export function labelOf(kind: 'input' | 'output' | 'rule', id: string, index: number): string {
  return id !== '' ? id : `${kind} ${index + 1}`;
}

type ReportError = (message: string, path?: string[]) => void;

function readHitPolicy(table: ModdleElement, error: ReportError): HitPolicy {
  const hitPolicy = nonBlankAttribute(table, 'hitPolicy') ?? 'UNIQUE';
  if ((HIT_POLICIES as readonly string[]).includes(hitPolicy)) return hitPolicy as HitPolicy;
  error(`Unknown hit policy '${hitPolicy}'; expected one of ${HIT_POLICIES.join(', ')}`);
  return 'UNIQUE';
}

function readAggregation(table: ModdleElement, hitPolicy: HitPolicy, error: ReportError): Aggregation | undefined {
  const aggregation = nonBlankAttribute(table, 'aggregation');
  if (aggregation === undefined) return undefined;
  if (!(AGGREGATIONS as readonly string[]).includes(aggregation)) {
    error(`Unknown aggregation '${aggregation}'; expected one of ${AGGREGATIONS.join(', ')}`);
    return undefined;
  }
  if (hitPolicy !== 'COLLECT') {
    error(`Expected an aggregation only with hit policy COLLECT, but found aggregation '${aggregation}' with hit policy ${hitPolicy}`);
    return undefined;
  }
  return aggregation as Aggregation;
}

/** An input without an input expression has the empty expression, which the FEEL check rejects. */
function mapInput(input: ModdleElement, index: number, decisionId: string, errors: ValidationError[]): DecisionTableInput {
  const id = input.id ?? '';
  const inputExpression = childElement(input, 'inputExpression');
  const place: ExpressionPlace = { decisionId, path: [labelOf('input', id, index), 'inputExpression'] };
  const expression = inputExpression ? expressionText(inputExpression, place, errors) : '';
  const label = nonBlankAttribute(input, 'label');
  const typeRef = inputExpression && nonBlankAttribute(inputExpression, 'typeRef');
  return { id, ...(label && { label }), expression, ...(typeRef && { typeRef }) };
}

function mapOutput(output: ModdleElement, index: number, decisionId: string, errors: ValidationError[]): DecisionTableOutput {
  const id = output.id ?? '';
  const place: ExpressionPlace = { decisionId, path: [labelOf('output', id, index)] };
  const name = nonBlankAttribute(output, 'name');
  const label = nonBlankAttribute(output, 'label');
  const typeRef = nonBlankAttribute(output, 'typeRef');
  const valuesText = childExpressionText(output, 'outputValues', place, errors);
  const outputValues = valuesText === undefined || valuesText.trim() === '' ? undefined : readOutputValues(valuesText, place, errors);
  const defaultOutputEntry = childExpressionText(output, 'defaultOutputEntry', place, errors);
  return {
    id,
    ...(name && { name }),
    ...(label && { label }),
    ...(typeRef && { typeRef }),
    ...(outputValues && { outputValues }),
    ...(defaultOutputEntry !== undefined && { defaultOutputEntry }),
  };
}

/** `"high","medium","low"`: the values an output may have, first the highest priority. */
function readOutputValues(text: string, place: ExpressionPlace, errors: ValidationError[]): Array<string | number | boolean> | undefined {
  const list = evaluateFeel(`[${text}]`, {});
  const values = list.ok && Array.isArray(list.value) ? list.value : [];
  if (values.length > 0 && values.every((value) => ['string', 'number', 'boolean'].includes(typeof value))) {
    return values as Array<string | number | boolean>;
  }
  errors.push(validationError(place.decisionId,
    `Expected the output values to be values separated by commas, like "high","low", but found '${text}'`, [...place.path, 'outputValues']));
  return undefined;
}

function checkOutputs(outputs: DecisionTableOutput[], hitPolicy: HitPolicy, aggregation: Aggregation | undefined, error: ReportError): void {
  if (outputs.length === 0) error('Expected the decision table to have at least one output');
  if (outputs.length > 1) {
    const names = new Set<string>();
    for (const output of outputs) {
      if (output.name === undefined) error(`no output name defined for \`${output.label ?? output.id}\``, [output.id]);
      else if (names.has(output.name)) error(`Expected the output names to be unique, but found '${output.name}' more than once`, [output.id]);
      else names.add(output.name);
    }
    if (aggregation !== undefined) error("hit policy 'COLLECT' with aggregator is not defined for compound output");
  }
  if ((hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') && !outputs.some((output) => output.outputValues)) {
    error(`Expected output values on an output for hit policy ${hitPolicy}, which orders the matching rules by them`);
  }
}

function mapRule(rule: ModdleElement, index: number, decisionId: string, errors: ValidationError[]): DecisionRule {
  const id = rule.id ?? '';
  const label = labelOf('rule', id, index);
  const entries = (property: 'inputEntry' | 'outputEntry') => childElements(rule, property).map((entry, position) =>
    expressionText(entry, { decisionId, path: [label, `${property} ${position + 1}`] }, errors));
  return { id, inputEntries: entries('inputEntry'), outputEntries: entries('outputEntry') };
}

function checkRuleSize(rule: DecisionRule, label: string, inputCount: number, outputCount: number, error: ReportError): void {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (rule.inputEntries.length !== inputCount) {
    error(`Expected ${count(inputCount, 'input entry', 'input entries')}, one for each input, but the rule has ${rule.inputEntries.length}`, [label]);
  }
  if (rule.outputEntries.length !== outputCount) {
    error(`Expected ${count(outputCount, 'output entry', 'output entries')}, one for each output, but the rule has ${rule.outputEntries.length}`, [label]);
  }
}
