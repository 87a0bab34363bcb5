/** The OpenAPI 3.1 document, built from the route declarations (`ApiRoutes`), so it describes exactly the routes. */
import { problemResponsesOf, type ApiRoute, type JsonSchema } from '../http/api-routes.js';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
  /** The session cookie's name, for the security scheme. */
  sessionCookieName: string;
}

const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['pointer', 'detail'], properties: { pointer: { type: 'string' }, detail: { type: 'string' } } },
    },
  },
};

/** `/api/users/:userId` → `/api/users/{userId}` */
export const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export function buildOpenApiDocument(routes: readonly ApiRoute[], info: OpenApiInfo): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, ...(info.description ? { description: info.description } : {}) },
    paths,
    components: {
      schemas: { Problem: PROBLEM_SCHEMA },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: info.sessionCookieName,
          description: 'A staff session from POST /api/auth/login or the OIDC sign-in. State-changing requests must also send the session\'s CSRF token in the X-CSRF-Token header.',
        },
      },
    },
  };
}

function operationOf(route: ApiRoute): Record<string, unknown> {
  const parameters = [
    ...Object.entries(route.params ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
    ...Object.entries((route.query?.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
      name,
      in: 'query',
      required: ((route.query?.required ?? []) as string[]).includes(name),
      schema,
    })),
  ];
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const contentType = spec.contentType ?? 'application/json';
    responses[status] = {
      description: spec.description,
      ...(spec.schema || spec.contentType ? { content: { [contentType]: spec.schema ? { schema: spec.schema } : {} } } : {}),
    };
  }
  for (const [status, description] of Object.entries(problemResponsesOf(route))) {
    responses[status] ??= { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: requestBodyOf(route.body) } : {}),
    responses,
    security: route.access === 'public' ? [] : [{ session: [] }],
    'x-amtsflow-access': route.access,
  };
}

function requestBodyOf(body: NonNullable<ApiRoute['body']>): Record<string, unknown> {
  return {
    required: true,
    content: {
      ...('json' in body ? { 'application/json': { schema: body.json } } : {}),
      ...('multipart' in body ? { 'multipart/form-data': { schema: body.multipart } } : {}),
      ...('bytes' in body ? Object.fromEntries(body.bytes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])) : {}),
    },
  };
}
