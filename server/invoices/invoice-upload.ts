/**
 * An uploaded XRechnung as sent: the raw XML (`application/xml`, `text/xml`) or a multipart/form-data body with one
 * file part `file`. Checked for size and for being an invoice in one of the two syntaxes XRechnung allows (the root
 * element: UBL Invoice or CreditNote, or CII CrossIndustryInvoice), by the XRechnung connector's own reader, so the
 * intake and the process judge the syntax alike. The business rules are the process's to check.
 */
import { createHash } from 'node:crypto';
import { readInvoice } from '../../connectors/index.js';
import { HttpProblem, problemType, validationProblem } from '../http/problem.js';
import { FILE_NAME } from '../portal/submission-body.js';
import type { InvoiceSyntax } from './invoice-store.js';

export const XML_MEDIA_TYPES = ['application/xml', 'text/xml'] as const;
/** At most this many bytes of XML; XRechnungen with embedded attachments (BG-24) reach a few MiB. */
export const MAX_INVOICE_BYTES = 10 * 1024 * 1024;
const DEFAULT_FILE_NAME = 'rechnung.xml';

export interface UploadedInvoice {
  fileName: string;
  bytes: Buffer;
  syntax: InvoiceSyntax;
  /** The SHA-256 of the name and the bytes, for recognising a retry under the same Idempotency-Key. */
  fingerprint: string;
}

/** The pointer field errors name: the multipart part, which is also what a browser's file input sends. */
const FILE_POINTER = '/file';

export async function readInvoiceUpload(body: Buffer, contentType: string, fileNameParam: string | undefined): Promise<UploadedInvoice> {
  const { fileName, bytes } = contentType.toLowerCase().startsWith('multipart/form-data')
    ? await fileOfMultipart(body, contentType)
    : { fileName: fileNameParam ?? DEFAULT_FILE_NAME, bytes: body };
  if (!FILE_NAME.test(fileName)) throw validationProblem([{ pointer: FILE_POINTER, detail: 'needs a file name without path or control characters, at most 200 characters' }]);
  if (bytes.length > MAX_INVOICE_BYTES) throw new HttpProblem(413, { detail: `${fileName} is larger than ${MAX_INVOICE_BYTES} bytes.` });
  if (bytes.length === 0) throw notAnInvoice(415, 'invoice-not-xml', `${fileName} is empty.`);
  const read = readInvoice(bytes);
  if (!read.ok) {
    if (read.rule === 'XML-NOT-WELL-FORMED') throw notAnInvoice(415, 'invoice-not-xml', `${fileName} is not well-formed XML: ${read.message}`);
    throw notAnInvoice(422, 'invoice-not-xrechnung', `${fileName} is not an XRechnung: ${read.message}`);
  }
  const { syntax, documentKind } = read.invoice;
  const fingerprint = createHash('sha256').update(fileName).update('\n').update(bytes).digest('hex');
  return { fileName, bytes, syntax: syntax === 'CII' ? 'cii' : documentKind === 'creditNote' ? 'ubl-credit-note' : 'ubl-invoice', fingerprint };
}

async function fileOfMultipart(body: Buffer, contentType: string): Promise<{ fileName: string; bytes: Buffer }> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw validationProblem([{ pointer: '/', detail: 'is not a well-formed multipart/form-data body' }]);
  }
  const parts = [...form.entries()];
  const file = parts.find(([name, value]) => name === 'file' && typeof value !== 'string')?.[1] as File | undefined;
  if (parts.length !== 1 || file === undefined) {
    throw validationProblem([{ pointer: FILE_POINTER, detail: 'send exactly one part: the invoice file, named "file"' }]);
  }
  return { fileName: file.name || DEFAULT_FILE_NAME, bytes: Buffer.from(await file.arrayBuffer()) };
}

function notAnInvoice(status: 415 | 422, slug: string, detail: string): HttpProblem {
  return new HttpProblem(status, {
    type: problemType(slug), title: 'Not an XRechnung', detail: detail.slice(0, 500),
    errors: [{ pointer: FILE_POINTER, detail: detail.slice(0, 500) }],
  });
}
