/** Reads DMN 1.1 to 1.5 XML into dmn-moddle objects; engine/xml says which of moddle's warnings reject it. */
import { DmnModdle } from 'dmn-moddle';
import type { Result } from '../result.js';
import { readModdleDocument, type ExpectedDocument, type ModdleDocument } from '../xml/index.js';
import { asDmn13, DMN13_MODEL } from './dmn-namespaces.js';

const moddle = new DmnModdle();

const DMN_DOCUMENT: ExpectedDocument = {
  kind: 'DMN',
  root: `<definitions> in the namespace of DMN 1.1 to 1.5, such as '${DMN13_MODEL}'`,
  // moddle drops elements DMN 1.3 does not know (DMN 1.4's boxed expressions); a decision left without its logic is
  // then rejected by name, which says more than a position in the XML
  toleratedWarnings: [/^unknown type <dmn:/],
};

export function readDmnDocument(xml: string): Promise<Result<ModdleDocument>> {
  return readModdleDocument(moddle, asDmn13(xml), DMN_DOCUMENT);
}
