import { bpmnDocument, parseProcess, rejection, startEvent } from './bpmn-test-documents.js';

describe('reading the XML', () => {
  it('rejects malformed XML with the line and column the parser stopped at', async () => {
    const xml = bpmnDocument('<bpmn:startEvent id="start">\n</bpmn:task>');
    expect(await rejection(xml)).toBe('Not well-formed XML: closing tag mismatch (line 5, column 1)');
  });

  it('rejects a truncated document, pointing at its end', async () => {
    const truncated = bpmnDocument(startEvent()).replace('</bpmn:definitions>', '');
    expect(await rejection(truncated)).toBe('Not well-formed XML: unexpected end of file (line 6, column 1)');
  });

  it('rejects text that is not XML', async () => {
    expect(await rejection('Hund anmelden')).toMatch(/^Not well-formed XML: missing start tag/);
  });

  it('rejects a DMN file given as .bpmn, saying what it is', async () => {
    const dmn = '<?xml version="1.0"?>\n<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="DRD"><decision id="x"/></definitions>';
    expect(await rejection(dmn)).toBe(
      "Not a BPMN 2.0 document: its root element is <definitions> in namespace 'https://www.omg.org/spec/DMN/20191111/MODEL/'; "
      + "expected <definitions> in namespace 'http://www.omg.org/spec/BPMN/20100524/MODEL'");
  });

  it('rejects duplicate ids, naming the id and where the second one is', async () => {
    expect(await rejection(bpmnDocument(`${startEvent()}\n<bpmn:task id="start"/>`)))
      .toBe("- Element: start\n    - ERROR: Id 'start' is used by more than one element (line 5, column 1)");
  });

  it('rejects an id that is not a valid XML id', async () => {
    expect(await rejection(bpmnDocument(`${startEvent()}\n<bpmn:task id="Antrag prüfen"/>`)))
      .toContain("- Element: Antrag prüfen\n    - ERROR: Id 'Antrag prüfen' is not a valid XML id");
  });

  it('tolerates vendor extensions and unknown attributes', async () => {
    const xml = bpmnDocument(`<bpmn:startEvent id="start" vendor:color="red" xmlns:vendor="http://example.org/vendor"><vendor:note>x</vendor:note></bpmn:startEvent>`);
    expect((await parseProcess(xml)).elements.start).toBeDefined();
  });
});
