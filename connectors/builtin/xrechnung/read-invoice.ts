/** Reads UBL or CII XML into the invoice model, or says why it cannot. */
import { readCiiInvoice } from './cii-reader.js';
import type { Invoice } from './invoice-model.js';
import { CII_RSM, UBL_CREDIT_NOTE, UBL_INVOICE } from './namespaces.js';
import { readUblInvoice } from './ubl-reader.js';
import { readXml } from './xml/namespaced-xml.js';

/** amtsflow's ids for documents that never reach the business rules. */
export const XML_NOT_WELL_FORMED = 'XML-NOT-WELL-FORMED';
export const XML_DOCTYPE = 'XML-DOCTYPE';
export const XML_NAMESPACE = 'XML-NAMESPACE';
export const UNKNOWN_SYNTAX = 'UNKNOWN-SYNTAX';

export type ReadInvoiceResult =
  | { ok: true; invoice: Invoice }
  | { ok: false; rule: string; message: string };

const PROBLEM_RULES = { 'not-well-formed': XML_NOT_WELL_FORMED, doctype: XML_DOCTYPE, namespace: XML_NAMESPACE } as const;

export function readInvoice(xml: string | Uint8Array): ReadInvoiceResult {
  const read = readXml(xml);
  if (!read.ok) return { ok: false, rule: PROBLEM_RULES[read.problem], message: read.message };
  const { root } = read;
  if ((root.namespace === UBL_INVOICE && root.localName === 'Invoice') || (root.namespace === UBL_CREDIT_NOTE && root.localName === 'CreditNote')) {
    return { ok: true, invoice: readUblInvoice(root) };
  }
  if (root.namespace === CII_RSM && root.localName === 'CrossIndustryInvoice') return { ok: true, invoice: readCiiInvoice(root) };
  return {
    ok: false,
    rule: UNKNOWN_SYNTAX,
    message: `The root element {${root.namespace}}${root.localName} is neither a UBL 2.1 Invoice or CreditNote nor a UN/CEFACT CrossIndustryInvoice`,
  };
}
