/**
 * What a deployed XML resource goes through before the checks of its kind: the size limit, decoding, refusing a
 * document type declaration, reading with moddle, and rejecting the elements moddle dropped for their ids.
 */
import { fail, ok, type Result } from '../result.js';
import type { ModdleElement } from './moddle-element.js';
import type { ModdleDocument, UnresolvedReferences } from './read-moddle-document.js';
import { checkResourceSize, decodeXml } from './resource-text.js';
import { formatValidationErrors } from './validation-error.js';
import { rejectDocumentType } from './xml-prolog.js';

export interface XmlResource {
  /** The decoded text of the resource. */
  xml: string;
  root: ModdleElement;
  unresolvedReferences: UnresolvedReferences;
}

export async function readXmlResource(
  content: Buffer | string, readDocument: (xml: string) => Promise<Result<ModdleDocument>>,
): Promise<Result<XmlResource>> {
  const size = checkResourceSize(content);
  if (!size.ok) return size;
  const xml = decodeXml(content);
  if (!xml.ok) return xml;
  const doctype = rejectDocumentType(xml.value);
  if (!doctype.ok) return doctype;
  const document = await readDocument(xml.value);
  if (!document.ok) return document;
  const { root, idErrors, unresolvedReferences } = document.value;
  // moddle dropped the elements with these ids, so anything said about the rest would only confuse
  if (idErrors.length > 0) return fail(formatValidationErrors(idErrors));
  return ok({ xml: xml.value, root, unresolvedReferences });
}
