/**
 * The citizen portal's routes, all public: the catalogue of services, a service's form, submitting it (rate-limited
 * per client address), and a submission's status and files by its unguessable status token, by which the citizen also
 * hands in documents later (when the service takes them).
 */
import type { Request, Response } from 'express';
import type { Locale } from '../../forms/index.js';
import { requestOrigin } from '../audit/audit-log.js';
import type { ApiRoutes } from '../http/api-routes.js';
import { validationProblem } from '../http/problem.js';
import { perAddressRateLimit } from '../http/rate-limit.js';
import type { PortalServices } from './portal-module.js';
import { noSuchService, noSuchSubmission, serviceUnavailable } from './portal-problems.js';
import { PROCESS_ID_PARAM } from './service-routes.js';
import { LATER_DOCUMENTS_PART, readLaterDocumentsBody } from './later-documents-body.js';
import { MULTIPART_OVERHEAD_BYTES, readSubmissionBody, SUBMISSION_JSON_SCHEMA } from './submission-body.js';
import { SUBMISSION_STATUS_SCHEMA, statusOf } from './submission-status.js';
import { sha256Hex, STATUS_TOKEN_PATTERN } from './status-tokens.js';

const PROBLEM = 'application/problem+json';
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;
const ATTACHMENT_ID_PARAM = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' };

export const statusPath = (token: string) => `/api/portal/submissions/${token}`;
/** The portal page that shows it (designer/src/portal, served by web/web-app.ts). */
export const statusPagePath = (token: string) => `/status/${token}`;

/** Personal data: never kept by a browser cache or proxy. */
const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

export function registerCitizenRoutes(routes: ApiRoutes, portal: PortalServices): void {
  const { context, services, forms, intake, store, laterDocuments } = portal;
  const { portal: limits } = context.config;
  const submissionRateLimit = perAddressRateLimit(limits.submissionsPerMinute, 'Too many submissions from this address; wait a minute.');

  routes.add({
    method: 'get', path: '/api/portal/services', operationId: 'listPortalServices', tag: 'portal', access: 'public',
    summary: 'The catalogue: every service citizens can apply for',
    responses: {
      200: {
        description: 'The published services',
        schema: { type: 'object', properties: { services: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, description: { type: 'string' } } } } } },
      },
    },
    async handler(_req, res) {
      const published = await services.list({ publishedOnly: true });
      res.json({ services: published.map(({ id, title, description }) => ({ id, title, description })) });
    },
  });

  routes.add({
    method: 'get', path: '/api/portal/services/:serviceId/form', operationId: 'getPortalServiceForm', tag: 'portal', access: 'public',
    summary: 'The form (form-js schema) to apply for a service with, and the formKey naming its exact version',
    params: { serviceId: PROCESS_ID_PARAM },
    responses: {
      200: {
        description: 'The form',
        schema: { type: 'object', properties: { service: { type: 'object' }, formKey: { type: 'string' }, schema: { type: 'object' } } },
      },
      404: { description: 'No such public service', contentType: PROBLEM },
      409: { description: 'The service\'s process has no usable start form at the moment', contentType: PROBLEM },
    },
    async handler(_req, res, { params }) {
      const found = await services.withDeploymentGeneration(params.serviceId);
      if (!found?.service.published) throw noSuchService(params.serviceId);
      const { service } = found;
      const form = await forms.formOf(service.id, found.deploymentGeneration);
      if (form.kind === 'unavailable') throw serviceUnavailable(form.reason);
      res.set('Cache-Control', 'no-cache').json({ service: { id: service.id, title: service.title, description: service.description }, formKey: form.formKey, schema: form.schema });
    },
  });

  routes.add({
    method: 'post', path: '/api/portal/services/:serviceId/submissions', operationId: 'submitPortalForm', tag: 'portal', access: 'public',
    summary: 'Submit a service\'s form, with files: answers with the reference number and the status link once the process has started',
    description: [
      'JSON `{ data, formKey? }`, or multipart/form-data with a `data` part (JSON), an optional `formKey` part and one file part per file,',
      `named by the file picker key the data refers to (\`files::…\`): at most ${limits.maxFiles} files of ${limits.maxFileBytes} bytes,`,
      `${limits.maxTotalBytes} bytes together; PDF, PNG, JPEG or plain text, judged by their bytes and checked against the picker's \`accept\`.`,
      'The data is validated with `forms/` against the form version of the process version started; invalid data is a 422 `form-invalid` problem',
      'with `errors: [{ pointer, path, componentId, key, message, code }]`; a `formKey` of an older version a 409 `form-outdated`.',
      'An `Idempotency-Key` header (16 to 128 characters of A-Z a-z 0-9 _ -) makes a retry of the same submission get the same answer',
      '(a different submission under the same key: 422), never a second instance. Rate-limited per client address. Audited as `submission.received`.',
    ].join(' '),
    before: [submissionRateLimit],
    body: { json: SUBMISSION_JSON_SCHEMA, multipart: { type: 'object', properties: { data: { type: 'string', contentMediaType: 'application/json' }, formKey: { type: 'string' } }, additionalProperties: { type: 'string', contentMediaType: 'application/octet-stream' } }, maxBytes: limits.maxTotalBytes + MULTIPART_OVERHEAD_BYTES },
    params: { serviceId: PROCESS_ID_PARAM },
    responses: {
      201: {
        description: 'Received: the process has started',
        schema: { type: 'object', properties: { reference: { type: 'string', examples: ['HUND-2026-000123'] }, statusToken: { type: 'string' }, statusUrl: { type: 'string', format: 'uri', description: 'The status as JSON (this API)' }, statusPageUrl: { type: 'string', format: 'uri', description: 'The status page of the citizen portal, the link to give the citizen' }, submittedAt: { type: 'string', format: 'date-time' } } },
      },
      404: { description: 'No such public service', contentType: PROBLEM },
      409: { description: 'The form changed (`form-outdated`), the service cannot take submissions now, or a retry finds the submission still in progress', contentType: PROBLEM },
      422: { description: 'The data does not fill in the form correctly, or the Idempotency-Key was used for another submission', contentType: PROBLEM },
      503: { description: 'The engine did not acknowledge the instance; retry with the same Idempotency-Key', contentType: PROBLEM },
    },
    async handler(req, res, { params, body }) {
      const idempotencyKey = idempotencyKeyOf(req);
      const locale = citizenLocale(req);
      const submission = await readSubmissionBody(body, req.get('content-type') ?? '', limits, locale);
      const receipt = await intake.submit({ serviceId: params.serviceId, body: submission, idempotencyKey, locale, origin: requestOrigin(req) });
      const statusUrl = new URL(statusPath(receipt.statusToken), context.config.publicUrl).href;
      const statusPageUrl = new URL(statusPagePath(receipt.statusToken), context.config.publicUrl).href;
      noStore(res).status(201).location(statusUrl).json({ reference: receipt.reference, statusToken: receipt.statusToken, statusUrl, statusPageUrl, submittedAt: receipt.submittedAt });
    },
  });

  routes.add({
    method: 'get', path: '/api/portal/submissions/:statusToken', operationId: 'getPortalSubmissionStatus', tag: 'portal', access: 'public',
    summary: 'Where a submission stands (received, in progress, completed, rejected), with the citizen\'s own files',
    params: { statusToken: { type: 'string', pattern: STATUS_TOKEN_PATTERN } },
    responses: { 200: { description: 'The status', schema: SUBMISSION_STATUS_SCHEMA }, 404: { description: 'Unknown status link', contentType: PROBLEM } },
    async handler(_req, res, { params }) {
      const submission = await store.byStatusToken(sha256Hex(params.statusToken));
      if (submission?.state !== 'confirmed') throw noSuchSubmission();
      const [service, files] = await Promise.all([services.get(submission.serviceId), store.filesOf(submission.id)]);
      noStore(res).json(await statusOf({ sql: context.sql, source: context.operationsSource }, submission, service, files));
    },
  });

  routes.add({
    method: 'post', path: '/api/portal/submissions/:statusToken/documents', operationId: 'handInPortalDocuments', tag: 'portal', access: 'public',
    summary: 'Hand in documents later for an open case (proofs the office asked for)',
    description: [
      `multipart/form-data with one part named \`${LATER_DOCUMENTS_PART}\` per file: at most ${limits.maxFiles} files of ${limits.maxFileBytes} bytes,`,
      `${limits.maxTotalBytes} bytes together; PDF, PNG, JPEG or plain text, judged by their bytes (a 400 with a field error per file refused).`,
      'Only when the service declares a message for documents handed in later (`laterDocuments` when publishing it) and the case is open.',
      'The files are stored with the case (the status and the task list show them), then published to the engine as that message,',
      'correlation key = the reference number, with `[{ id, name, contentType, size }]` in the declared variable and the hand-in\'s id as message id.',
      'An `Idempotency-Key` header makes a retry get the same answer (other files under the same key: 422); after a 503 the files are kept',
      'and published later, or by the retry with the same key, never twice. Rate-limited per client address. Audited as `submission.documents-handed-in`.',
    ].join(' '),
    before: [submissionRateLimit],
    body: { multipart: { type: 'object', properties: { [LATER_DOCUMENTS_PART]: { type: 'string', contentMediaType: 'application/octet-stream' } } }, maxBytes: limits.maxTotalBytes + MULTIPART_OVERHEAD_BYTES },
    params: { statusToken: { type: 'string', pattern: STATUS_TOKEN_PATTERN } },
    responses: {
      201: {
        description: 'Received and handed to the case',
        schema: { type: 'object', properties: { reference: { type: 'string' }, handedInAt: { type: 'string', format: 'date-time' }, files: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' } } } } } },
      },
      400: { description: 'No files, an unknown part, or a file that is no accepted type (field errors)', contentType: PROBLEM },
      404: { description: 'Unknown status link', contentType: PROBLEM },
      409: { description: 'The case is closed (`case-closed`) or its service takes no documents later (`later-documents-not-accepted`)', contentType: PROBLEM },
      413: { description: 'A file or all files together too large', contentType: PROBLEM },
      422: { description: 'The Idempotency-Key was used for other files', contentType: PROBLEM },
      503: { description: 'Stored, but the engine did not acknowledge the message; retry with the same Idempotency-Key', contentType: PROBLEM },
    },
    async handler(req, res, { params, body }) {
      const idempotencyKey = idempotencyKeyOf(req);
      const documents = await readLaterDocumentsBody(body, req.get('content-type') ?? '', limits, citizenLocale(req));
      const receipt = await laterDocuments.handIn({ statusToken: params.statusToken, body: documents, idempotencyKey, origin: requestOrigin(req) });
      noStore(res).status(201).json(receipt);
    },
  });

  routes.add({
    method: 'get', path: '/api/portal/submissions/:statusToken/attachments/:attachmentId', operationId: 'downloadPortalAttachment', tag: 'portal', access: 'public',
    summary: 'One of the files the citizen sent with the submission',
    params: { statusToken: { type: 'string', pattern: STATUS_TOKEN_PATTERN }, attachmentId: ATTACHMENT_ID_PARAM },
    responses: { 200: { description: 'The file, as a download', contentType: 'application/octet-stream' }, 404: { description: 'Unknown status link or file', contentType: PROBLEM } },
    async handler(_req, res, { params }) {
      const submission = await store.byStatusToken(sha256Hex(params.statusToken));
      const file = submission?.state === 'confirmed' ? await store.fileContent(submission.id, params.attachmentId) : undefined;
      if (file === undefined) throw noSuchSubmission();
      sendFile(res, file);
    },
  });
}

/** The request's `Idempotency-Key` header, if any; 400 when it is not 16 to 128 characters of A-Z a-z 0-9 _ -. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw validationProblem([{ pointer: '#/header/Idempotency-Key', detail: 'must be 16 to 128 characters of A-Z, a-z, 0-9, _ and -' }]);
  }
  return key;
}

/** A stored file as a download that no browser renders or sniffs. */
export function sendFile(res: Response, file: { name: string; contentType: string; content: Buffer }): void {
  noStore(res).attachment(file.name).type(file.contentType).set('X-Content-Type-Options', 'nosniff').send(file.content);
}

/** The language the citizen's client asks for (the portal sends the one it shows), of those the portal speaks: German by default. */
function citizenLocale(req: Request): Locale {
  return req.acceptsLanguages('de', 'en') === 'en' ? 'en' : 'de';
}
