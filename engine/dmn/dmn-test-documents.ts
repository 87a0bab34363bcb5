/** Builders of small DMN documents for the tests of this folder. */
import { readFileSync } from 'node:fs';
import { evaluateDecision } from './evaluate-decision.js';
import type { DecisionRequirementsGraph } from './model.js';
import { parseDmnResource } from './parse-dmn-resource.js';

export const DMN13_NAMESPACE = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A `<definitions>` document holding `decisions`. */
export function dmnDocument(decisions: string, { namespace = DMN13_NAMESPACE, id = 'hund', name = 'Hund anmelden' } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="${namespace}" id="${id}" name="${name}" namespace="http://camunda.org/schema/1.0/dmn">
${decisions}
</definitions>`;
}

const requirements = (requires: string[]) => requires
  .map((required) => `<informationRequirement><requiredDecision href="#${required}"/></informationRequirement>`).join('');

export interface TableOutput {
  name: string;
  /** Output values in priority order, as written in the XML: `"high","low"` */
  values?: string;
  defaultEntry?: string;
}

export interface TableOptions {
  hitPolicy?: string;
  aggregation?: string;
  /** Input expressions, one per column. */
  inputs: string[];
  outputs: Array<string | TableOutput>;
  /** Per rule: its input entries, then its output entries. */
  rules: Array<[string[], string[]]>;
  requires?: string[];
  name?: string;
}

/** A decision with a decision table; its inputs are `input_1` …, its rules `rule_1` …, its outputs `output_1` …. */
export function tableDecision(id: string, { hitPolicy, aggregation, inputs, outputs, rules, requires = [], name = id }: TableOptions): string {
  const attributes = [hitPolicy && `hitPolicy="${hitPolicy}"`, aggregation && `aggregation="${aggregation}"`].filter(Boolean).join(' ');
  const inputXml = inputs.map((expression, index) =>
    `<input id="${id}_input_${index + 1}" label="Input ${index + 1}"><inputExpression typeRef="string"><text>${escapeXml(expression)}</text></inputExpression></input>`);
  const outputXml = outputs.map((output, index) => {
    const { name: outputName, values, defaultEntry } = typeof output === 'string' ? { name: output } : output;
    const valuesXml = values === undefined ? '' : `<outputValues><text>${escapeXml(values)}</text></outputValues>`;
    const defaultXml = defaultEntry === undefined ? '' : `<defaultOutputEntry><text>${escapeXml(defaultEntry)}</text></defaultOutputEntry>`;
    return `<output id="${id}_output_${index + 1}" name="${outputName}" label="${outputName}">${valuesXml}${defaultXml}</output>`;
  });
  const ruleXml = rules.map(([inputEntries, outputEntries], index) => `<rule id="${id}_rule_${index + 1}">${
    inputEntries.map((entry) => `<inputEntry><text>${escapeXml(entry)}</text></inputEntry>`).join('')}${
    outputEntries.map((entry) => `<outputEntry><text>${escapeXml(entry)}</text></outputEntry>`).join('')}</rule>`);
  return `<decision id="${id}" name="${name}">${requirements(requires)}
  <decisionTable id="${id}_table" ${attributes}>
    ${[...inputXml, ...outputXml, ...ruleXml].join('\n    ')}
  </decisionTable>
</decision>`;
}

/** A decision with a literal expression, whose `<variable>` has the name `variable` when given. */
export function literalDecision(id: string, expression: string, { variable, requires = [] }: { variable?: string; requires?: string[] } = {}): string {
  const variableXml = variable === undefined ? '' : `<variable name="${variable}"/>`;
  return `<decision id="${id}" name="${id}">${requirements(requires)}${variableXml}<literalExpression><text>${escapeXml(expression)}</text></literalExpression></decision>`;
}

export async function parseGraph(xml: string | Buffer): Promise<DecisionRequirementsGraph> {
  const parsed = await parseDmnResource(xml, 'test.dmn');
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return parsed.value;
}

export async function rejection(xml: string | Buffer): Promise<string> {
  const parsed = await parseDmnResource(xml, 'test.dmn');
  if (parsed.ok) throw new Error('expected the resource to be rejected');
  return parsed.failure.message;
}

/** The output of decision `decisionId`, or an exception with the failure message. */
export function outputOf(graph: DecisionRequirementsGraph, decisionId: string, variables: Record<string, unknown> = {}): unknown {
  const result = evaluateDecision(graph, decisionId, variables);
  if (!result.ok) throw new Error(result.failure.message);
  return result.value.output;
}

/** The failure message of evaluating decision `decisionId`. */
export function failureOf(graph: DecisionRequirementsGraph, decisionId: string, variables: Record<string, unknown> = {}): string {
  const result = evaluateDecision(graph, decisionId, variables);
  if (result.ok) throw new Error(`expected the evaluation to fail, but it gave ${JSON.stringify(result.value.output)}`);
  return result.failure.message;
}

/** A fixture of this folder, for test-fixtures/<name>. */
export function fixture(name: string): Buffer {
  return readFileSync(new URL(`./test-fixtures/${name}`, import.meta.url));
}
