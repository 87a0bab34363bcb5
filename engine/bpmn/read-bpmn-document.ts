/** Reads BPMN XML into moddle objects with the Zeebe extension; engine/xml says which of moddle's warnings reject it. */
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import type { Result } from '../result.js';
import { readModdleDocument, type ExpectedDocument, type ModdleDocument } from '../xml/index.js';

const zeebeSchema: unknown = createRequire(import.meta.url)('zeebe-bpmn-moddle/resources/zeebe.json');
const moddle = new BpmnModdle({ zeebe: zeebeSchema });

const BPMN_DOCUMENT: ExpectedDocument = {
  kind: 'BPMN 2.0',
  root: "<definitions> in namespace 'http://www.omg.org/spec/BPMN/20100524/MODEL'",
};

export function readBpmnDocument(xml: string): Promise<Result<ModdleDocument>> {
  return readModdleDocument(moddle, xml, BPMN_DOCUMENT);
}
