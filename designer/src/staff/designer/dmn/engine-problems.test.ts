import { describe, expect, it } from '@jest/globals';
import { DmnModdle } from 'dmn-moddle';
import type { DmnElement } from './create-dmn-modeler.js';
import { locateProblems } from './engine-problems.js';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="steuern" name="Steuern" namespace="http://amtsflow.test/dmn">
  <decision id="satz" name="Satz">
    <decisionTable id="satzTabelle">
      <input id="anzahl" label="Anzahl"><inputExpression id="anzahlAusdruck" typeRef="number"><text>anzahl +</text></inputExpression></input>
      <output id="betrag" name="betrag" typeRef="number" />
      <rule id="eins"><inputEntry id="einsAnzahl"><text>1</text></inputEntry><outputEntry id="einsBetrag"><text>125 *</text></outputEntry></rule>
      <rule><inputEntry id="zweiAnzahl"><text>&gt;= 2</text></inputEntry><outputEntry id="zweiBetrag"><text>(</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <decision id="gebuehr" name="Gebühr"><literalExpression id="gebuehrAusdruck"><text>1 +</text></literalExpression></decision>
</definitions>`;

const definitions = async () => (await new DmnModdle().fromXML(XML, 'dmn:Definitions')).rootElement as DmnElement;

describe('the engine\'s rejection of a DMN file, located in the model', () => {
  it('leads each rule entry, by id or by position, to its table cell', async () => {
    const problems = locateProblems([
      { elementId: 'satz', path: 'eins > outputEntry 1', messages: ["failed to parse expression '125 *'"] },
      { elementId: 'satz', path: 'rule 2 > outputEntry 1', messages: ["failed to parse expression '('"] },
      { elementId: 'satz', path: 'anzahl > inputExpression', messages: ["failed to parse expression 'anzahl +'"] },
    ], await definitions());
    expect(problems.map(({ decisionId, cellId }) => ({ decisionId, cellId }))).toEqual([
      { decisionId: 'satz', cellId: 'einsBetrag' },
      { decisionId: 'satz', cellId: 'zweiBetrag' },
      { decisionId: 'satz', cellId: 'anzahl' },
    ]);
  });

  it('leads a literal expression to its decision, and names what the model does not have without leading anywhere', async () => {
    const problems = locateProblems([
      { elementId: 'gebuehr', path: 'literalExpression', messages: ["failed to parse expression '1 +'", 'second problem'] },
      { elementId: '<dmn:Decision without id>', messages: ["Attribute 'id' must be present and not empty"] },
    ], await definitions());
    expect(problems).toEqual([
      { elementId: 'gebuehr', path: 'literalExpression', message: "failed to parse expression '1 +'", decisionId: 'gebuehr' },
      { elementId: 'gebuehr', path: 'literalExpression', message: 'second problem', decisionId: 'gebuehr' },
      { elementId: '<dmn:Decision without id>', message: "Attribute 'id' must be present and not empty" },
    ]);
  });
});
