/** Admins read the audit log, newest first, filtered and paged by cursor. There is no route that changes it. */
import type { RouteModule } from '../server-context.js';
import type { AuditFilter } from './audit-log.js';

const ENTRY_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'object', properties: { kind: { enum: ['staff', 'citizen', 'anonymous', 'system'] }, id: { type: 'string' }, name: { type: 'string' } } },
    action: { type: 'string' },
    target: { type: ['object', 'null'], properties: { kind: { type: 'string' }, id: { type: 'string' } } },
    details: { type: 'object' },
    clientAddress: { type: ['string', 'null'] },
  },
};

const text = { type: 'string', minLength: 1, maxLength: 200 };

export const auditRoutes: RouteModule = {
  name: 'audit',
  register(routes, context) {
    routes.add({
      method: 'get', path: '/api/admin/audit', operationId: 'listAuditEntries', tag: 'admin', access: ['admin'],
      summary: 'Audit log entries, newest first',
      description: 'Pass `nextCursor` of one page as `before` to get the next (older) page.',
      query: {
        type: 'object',
        additionalProperties: false,
        properties: {
          actorId: text,
          action: text,
          targetKind: text,
          targetId: text,
          from: { type: 'string', format: 'date-time', description: 'Entries at or after this time' },
          to: { type: 'string', format: 'date-time', description: 'Entries before this time' },
          before: { type: 'string', pattern: '^[1-9][0-9]{0,17}$', description: 'Entries older than this id' },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
        },
      },
      responses: {
        200: { description: 'One page', schema: { type: 'object', properties: { entries: { type: 'array', items: ENTRY_SCHEMA }, nextCursor: { type: ['string', 'null'] } } } },
      },
      handler: async (_req, res, { query }) => res.json(await context.audit.list(query as unknown as AuditFilter)),
    });
  },
};
