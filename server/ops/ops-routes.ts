/** For operators and tools: health, Prometheus metrics, and the OpenAPI document of every route. */
import { buildOpenApiDocument } from '../openapi/openapi-document.js';
import { sessionCookieName } from '../identity/cookies.js';
import type { RouteModule } from '../server-context.js';
import { probeGateway } from './gateway-probe.js';

const CHECK = { type: 'object', properties: { status: { enum: ['up', 'down'] } } };
const HEALTH_SCHEMA = {
  type: 'object',
  properties: { status: { enum: ['ok', 'failing'] }, checks: { type: 'object', properties: { database: CHECK, gateway: CHECK } } },
};

export const opsRoutes: RouteModule = {
  name: 'ops',
  register(routes, context) {
    routes.add({
      method: 'get', path: '/healthz', operationId: 'getHealth', tag: 'ops', access: 'public',
      summary: 'Whether the database and the Zeebe gateway answer',
      responses: { 200: { description: 'Both answer', schema: HEALTH_SCHEMA }, 503: { description: 'One of them does not', schema: HEALTH_SCHEMA } },
      async handler(_req, res) {
        const [database, gateway] = await Promise.all([
          context.sql.query('SELECT 1').then(() => true, () => false),
          probeGateway(context.zeebe).then((status) => status.up),
        ]);
        const status = (up: boolean) => ({ status: up ? 'up' : 'down' });
        res.status(database && gateway ? 200 : 503).json({ status: database && gateway ? 'ok' : 'failing', checks: { database: status(database), gateway: status(gateway) } });
      },
    });

    routes.add({
      method: 'get', path: '/metrics', operationId: 'getMetrics', tag: 'ops', access: 'public',
      summary: 'Prometheus metrics',
      description: 'Public like /healthz; keep it off the internet at the reverse proxy.',
      responses: { 200: { description: 'Metrics in the Prometheus text format', contentType: 'text/plain' } },
      async handler(_req, res) {
        const body = await context.metrics.registry.metrics();
        res.type(context.metrics.registry.contentType).send(body);
      },
    });

    routes.add({
      method: 'get', path: '/api/openapi.json', operationId: 'getOpenApiDocument', tag: 'ops', access: 'public',
      summary: 'This document',
      responses: { 200: { description: 'OpenAPI 3.1', schema: { type: 'object' } } },
      handler(_req, res) {
        res.json(buildOpenApiDocument(routes.routes, {
          title: 'amtsflow platform server',
          version: '0.1.0',
          description: 'Errors are application/problem+json (RFC 9457). Staff authenticate with the session cookie; state-changing requests also send X-CSRF-Token.',
          sessionCookieName: sessionCookieName(context.cookies),
        }));
      },
    });
  },
};
