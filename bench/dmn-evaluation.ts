/**
 * Script, not a test: how fast evaluateDecision is for a decision table of 20 rules (hit policy UNIQUE) with 3 inputs,
 * and for the Hundesteuer graph of four decisions (engine/dmn/test-fixtures). Run with `npm run bench:dmn`.
 */
import { readFileSync } from 'node:fs';
import { evaluateDecision, parseDmnResource, type DecisionRequirementsGraph } from '../engine/dmn/index.js';
import { describeMachine } from './engine/machine.js';

const EVALUATIONS = 200_000;
const WARM_UP = 20_000;

const DISTRICTS = ['Mitte', 'Witzhelden', 'Oberschmitte', 'Unterberg', 'Bennert'];

/**
 * Rule i: a district (as a value or a list), an age interval and an amount comparison, in the forms modelers write:
 * `"Mitte"`, `"Mitte","Bennert"`, `[18..29]`, `>= 1000`, `not(...)`, `-`. Exactly one rule matches each of `inputs`.
 */
function twentyRuleTable(): string {
  const rules: string[] = [];
  for (let index = 0; index < 20; index++) {
    const district = index % 4 === 3 ? `"${DISTRICTS[index % 5]}","Bennert-Nord"` : `"${DISTRICTS[index % 5]}"`;
    const ageFrom = 18 + Math.floor(index / 5) * 15;
    const age = `[${ageFrom}..${ageFrom + 14}]`;
    const amount = index % 3 === 0 ? '>= 1000' : index % 3 === 1 ? '< 1000' : 'not(null)';
    const entries = [district, age, index % 3 === 2 ? '-' : amount].map((text) => `<inputEntry><text>${escape(text)}</text></inputEntry>`);
    rules.push(`<rule id="rule_${index + 1}">${entries.join('')}<outputEntry><text>"office ${index + 1}"</text></outputEntry></rule>`);
  }
  const input = (id: string, expression: string) => `<input id="${id}"><inputExpression><text>${expression}</text></inputExpression></input>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="bench" name="Benchmark" namespace="http://amtsflow/bench">
  <decision id="office" name="Office">
    <decisionTable id="officeTable" hitPolicy="UNIQUE">
      ${input('district', 'applicant.district')}${input('age', 'applicant.age')}${input('amount', 'amount')}
      <output id="officeOutput" name="office"/>
      ${rules.join('\n      ')}
    </decisionTable>
  </decision>
</definitions>`;
}

const escape = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function parse(xml: string | Buffer): Promise<DecisionRequirementsGraph> {
  const parsed = await parseDmnResource(xml, 'bench.dmn');
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return parsed.value;
}

/** Evaluations per second and microseconds per evaluation, cycling through `variableSets`. */
function measure(graph: DecisionRequirementsGraph, decisionId: string, variableSets: Array<Record<string, unknown>>) {
  const evaluate = (index: number) => {
    const result = evaluateDecision(graph, decisionId, variableSets[index % variableSets.length]!);
    if (!result.ok) throw new Error(result.failure.message);
  };
  const firstStart = process.hrtime.bigint();
  evaluate(0);
  const firstMicroseconds = Number(process.hrtime.bigint() - firstStart) / 1000;
  for (let index = 0; index < WARM_UP; index++) evaluate(index);
  const start = process.hrtime.bigint();
  for (let index = 0; index < EVALUATIONS; index++) evaluate(index);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = Math.round(EVALUATIONS / seconds).toLocaleString('en');
  return `${perSecond} evaluations/s, ${(seconds * 1e6 / EVALUATIONS).toFixed(2)} µs per evaluation `
    + `(${EVALUATIONS.toLocaleString('en')} after ${WARM_UP.toLocaleString('en')} to warm up; the first, cold: ${firstMicroseconds.toFixed(0)} µs)`;
}

const applicants: Array<Record<string, unknown>> = [];
for (let index = 0; index < 20; index++) {
  const ageFrom = 18 + Math.floor(index / 5) * 15;
  const amount = index % 3 === 0 ? 2500 : 300;
  applicants.push({ applicant: { district: DISTRICTS[index % 5], age: ageFrom + 3, name: `Antrag ${index}` }, amount, note: 'unused' });
}

const households = [
  { anzahlHunde: 1, anzahlGefaehrlich: 0, befreiungsgrund: null, ermaessigungsgrund: null, monateImJahr: 12, stichtag: '2024-01-01' },
  { anzahlHunde: 2, anzahlGefaehrlich: 1, befreiungsgrund: null, ermaessigungsgrund: null, monateImJahr: 7, stichtag: '2024-05-15' },
  { anzahlHunde: 1, anzahlGefaehrlich: 0, befreiungsgrund: null, ermaessigungsgrund: 'SGB_II', monateImJahr: 12, stichtag: '2024-01-01' },
];

console.log('machine:', JSON.stringify(await describeMachine()));
const table = await parse(twentyRuleTable());
console.log('20 rules, UNIQUE, 3 inputs:', measure(table, 'office', applicants));
const tax = await parse(readFileSync(new URL('../engine/dmn/test-fixtures/hundesteuer.dmn', import.meta.url)));
console.log('Hundesteuer, 4 decisions (3 tables, 1 literal expression):', measure(tax, 'hundesteuer', households));
