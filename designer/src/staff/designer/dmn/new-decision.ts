/** The DMN a new decision starts from: one decision table (one input, one output, one rule) with its shape in the DRD. */
export function newDecisionXml(): string {
  const suffix = Math.random().toString(36).slice(2, 9);
  const drgId = `Entscheidungen_${suffix}`;
  const decisionId = `Entscheidung_${suffix}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" id="${drgId}" name="Neue Entscheidungen" namespace="http://amtsflow.de/dmn">
  <decision id="${decisionId}" name="Neue Entscheidung">
    <decisionTable id="${decisionId}_Tabelle" hitPolicy="FIRST">
      <input id="${decisionId}_Eingabe" label="Eingabe">
        <inputExpression id="${decisionId}_Eingabeausdruck" typeRef="string">
          <text>eingabe</text>
        </inputExpression>
      </input>
      <output id="${decisionId}_Ausgabe" label="Ergebnis" name="ergebnis" typeRef="string" />
      <rule id="${decisionId}_Regel_1">
        <inputEntry id="${decisionId}_Regel_1_Eingabe"><text>-</text></inputEntry>
        <outputEntry id="${decisionId}_Regel_1_Ausgabe"><text>"ja"</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="${drgId}_Diagramm">
      <dmndi:DMNShape id="${decisionId}_Form" dmnElementRef="${decisionId}">
        <dc:Bounds height="80" width="180" x="180" y="200" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
}
