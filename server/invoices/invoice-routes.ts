/**
 * The Rechnungseingang's intake route: `POST /api/invoices` takes an XRechnung (raw XML or a multipart upload) and
 * answers with its Aktenzeichen once the rechnungsworkflow instance runs.
 */
import type { RequestHandler } from 'express';
import { requestOrigin } from '../audit/audit-log.js';
import type { ApiRoutes } from '../http/api-routes.js';
import { HttpProblem, problemType } from '../http/problem.js';
import { requireDepartment } from '../identity/authorization.js';
import { staffOf } from '../identity/request-auth.js';
import { idempotencyKeyOf } from '../portal/citizen-routes.js';
import { INVOICE_PROCESS_ID, type InvoiceIntake } from './invoice-intake.js';
import { AKTENZEICHEN_PREFIX } from './invoice-store.js';
import { MULTIPART_OVERHEAD_BYTES } from '../portal/submission-body.js';
import { MAX_INVOICE_BYTES, readInvoiceUpload, XML_MEDIA_TYPES } from './invoice-upload.js';

const PROBLEM = 'application/problem+json';
/** The candidate group of the Rechnungseingang in the rechnungsworkflow. */
export const INVOICE_INTAKE_DEPARTMENT = 'rechnungseingang';

const RECEIPT_SCHEMA = {
  type: 'object',
  properties: {
    aktenzeichen: { type: 'string', examples: [`${AKTENZEICHEN_PREFIX}-2026-000042`] },
    processInstanceKey: { type: 'string' },
    receivedAt: { type: 'string', format: 'date-time' },
    syntax: { enum: ['ubl-invoice', 'ubl-credit-note', 'cii'] },
    document: { type: 'object', description: 'The XML\'s DocumentReference in the document store: the process variable `rechnung`' },
  },
};

export function registerInvoiceRoutes(routes: ApiRoutes, intake: InvoiceIntake | undefined): void {
  /** Before the body is read: without the connectors' document store there is nowhere to put the XML. */
  const requireDocumentStore: RequestHandler = (_req, _res, next) => {
    if (intake === undefined) {
      throw new HttpProblem(503, {
        type: problemType('invoice-intake-unavailable'), title: 'Invoice intake unavailable',
        detail: 'Receiving invoices needs the connectors\' document store, which this server was started without (npm start passes it).',
      });
    }
    next();
  };

  routes.add({
    method: 'post', path: '/api/invoices', operationId: 'receiveInvoice', tag: 'invoices', access: ['clerk', 'admin'],
    summary: 'Receive an XRechnung: answers with its Aktenzeichen once the Rechnungsworkflow has started',
    description: [
      `For clerks of the Rechnungseingang (\`${INVOICE_INTAKE_DEPARTMENT}\`) and admins. The body is the XML (\`application/xml\` or \`text/xml\`,`,
      'the file name in the query parameter `fileName`) or multipart/form-data with one file part `file`; at most',
      `${MAX_INVOICE_BYTES} bytes (413 beyond). Its root element must be a UBL 2.1 Invoice or CreditNote or a UN/CEFACT CrossIndustryInvoice:`,
      'XML that is not well-formed is 415 `invoice-not-xml`, other XML (or a DOCTYPE) 422 `invoice-not-xrechnung`, each with a field error at `/file`.',
      'The business rules (EN 16931, XRechnung) are checked by the process, whose Rechnungseingang rejects a broken invoice.',
      `The XML goes to the document store, the invoice gets the next gap-free Aktenzeichen (\`${AKTENZEICHEN_PREFIX}-<year>-<n>\`), and the latest`,
      `version of \`${INVOICE_PROCESS_ID}\` is started with \`rechnung\` (the DocumentReference) and \`aktenzeichen\`; the answer comes once the engine`,
      'acknowledged the instance, and nothing acknowledged is lost in a crash. An `Idempotency-Key` header (16 to 128 characters of A-Z a-z 0-9 _ -)',
      'makes a retry get the same answer and never a second instance (another file under the same key: 422). Audited as `invoice.received`.',
    ].join(' '),
    guards: [requireDepartment(() => [INVOICE_INTAKE_DEPARTMENT], { orRoles: ['admin'] }), requireDocumentStore],
    query: { type: 'object', additionalProperties: false, properties: { fileName: { type: 'string', minLength: 1, maxLength: 200, description: 'The file name of a raw XML body' } } },
    body: {
      bytes: XML_MEDIA_TYPES,
      multipart: { type: 'object', required: ['file'], properties: { file: { type: 'string', contentMediaType: 'application/xml' } } },
      maxBytes: MAX_INVOICE_BYTES + MULTIPART_OVERHEAD_BYTES,
    },
    responses: {
      201: { description: 'Received: the Rechnungsworkflow has started', schema: RECEIPT_SCHEMA },
      409: { description: 'The Rechnungsworkflow is not deployed, a retry finds the invoice still in progress, or the engine refused the instance', contentType: PROBLEM },
      422: { description: 'Not an XRechnung, or the Idempotency-Key was used for another file', contentType: PROBLEM },
      503: { description: 'No document store (the server runs without the connectors), or the engine did not acknowledge the instance: retry with the same Idempotency-Key', contentType: PROBLEM },
    },
    async handler(req, res, { body, query }) {
      const idempotencyKey = idempotencyKeyOf(req);
      const upload = await readInvoiceUpload(body as Buffer, req.get('content-type') ?? '', query.fileName as string | undefined);
      const receipt = await intake!.receive({ upload, idempotencyKey, userId: staffOf(req).id, origin: requestOrigin(req) });
      res.status(201).set('Cache-Control', 'no-store').json(receipt);
    },
  });
}
