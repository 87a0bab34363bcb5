/** Process managers publish a process as a public service of the portal, and withdraw it. */
import { requestOrigin } from '../audit/audit-log.js';
import type { ApiRoutes } from '../http/api-routes.js';
import { staffOf } from '../identity/request-auth.js';
import type { PortalServices } from './portal-module.js';
import { noSuchService } from './portal-problems.js';
import { publishService, type ServiceToPublish } from './publish-service.js';

const PROBLEM = 'application/problem+json';
export const PROCESS_ID_PARAM = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' };

const SERVICE_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'The BPMN process id' },
    title: { type: 'string' },
    description: { type: 'string' },
    referencePrefix: { type: 'string' },
    published: { type: 'boolean' },
    updatedAt: { type: 'string', format: 'date-time' },
    laterDocuments: { type: ['object', 'null'], properties: { message: { type: 'string' }, variable: { type: 'string' } } },
  },
};

const LATER_DOCUMENTS_SCHEMA = {
  type: ['object', 'null'], additionalProperties: false, required: ['message', 'variable'],
  description: 'The message (name) by which the running case takes documents the citizen hands in later through the status link, correlated by the reference number, with the files as `[{ id, name, contentType, size }]` in `variable`. Null or absent: the service takes none.',
  properties: {
    message: { type: 'string', minLength: 1, maxLength: 255 },
    variable: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,99}$' },
  },
};

export function registerServiceRoutes(routes: ApiRoutes, portal: PortalServices): void {
  const { context, services } = portal;

  routes.add({
    method: 'get', path: '/api/services', operationId: 'listServices', tag: 'portal', access: ['process-manager'],
    summary: 'Every process published to the portal, withdrawn ones included',
    responses: { 200: { description: 'The services', schema: { type: 'object', properties: { services: { type: 'array', items: SERVICE_SCHEMA } } } } },
    handler: async (_req, res) => res.json({ services: await services.list({ publishedOnly: false }) }),
  });

  routes.add({
    method: 'post', path: '/api/services', operationId: 'publishService', tag: 'portal', access: ['process-manager'],
    summary: 'Publish a process as a public service (or change a published one\'s texts)',
    description: 'Only a process whose latest version (deployed through this server) links a form at its none start event, a form the `forms/` validator can judge. Reference numbers of the service are `<referencePrefix>-<year>-<number>`. Audited as `service.published`.',
    body: {
      json: {
        type: 'object', additionalProperties: false, required: ['processId', 'title', 'referencePrefix'],
        properties: {
          processId: PROCESS_ID_PARAM,
          title: { type: 'string', minLength: 1, maxLength: 200 },
          description: { type: 'string', maxLength: 2000 },
          referencePrefix: { type: 'string', pattern: '^[A-Z]{2,8}$', description: 'Two to eight capital letters, like HUND' },
          laterDocuments: LATER_DOCUMENTS_SCHEMA,
        },
      },
    },
    responses: {
      201: { description: 'Published', schema: SERVICE_SCHEMA },
      409: { description: 'The process links no usable start form, or another service has the prefix', contentType: PROBLEM },
    },
    async handler(req, res, { body }) {
      res.status(201).json(await publishService(portal, body as ServiceToPublish, requestOrigin(req)));
    },
  });

  routes.add({
    method: 'post', path: '/api/services/:processId/withdraw', operationId: 'withdrawService', tag: 'portal', access: ['process-manager'],
    summary: 'Withdraw a public service: it takes no more submissions; submitted ones and their status links stay',
    params: { processId: PROCESS_ID_PARAM },
    responses: { 204: { description: 'Withdrawn' }, 404: { description: 'No published service with that id', contentType: PROBLEM } },
    async handler(req, res, { params }) {
      const withdrawn = await context.sql.transaction(async (tx) => {
        const done = await services.withdraw(tx, params.processId, staffOf(req).id);
        if (done) await context.audit.record({ ...requestOrigin(req), action: 'service.withdrawn', target: { kind: 'service', id: params.processId } }, tx);
        return done;
      });
      if (!withdrawn) throw noSuchService(params.processId);
      res.status(204).end();
    },
  });
}
