import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { Express } from 'express';
import { startTestServer, type TestServer } from '../tests/test-server.js';

let test: TestServer;
beforeAll(async () => {
  test = await startTestServer();
});
afterAll(async () => test.stop());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string;
}

/** Every `METHOD /path` the express app really serves, found by walking its router (express 5, router 2). */
function servedRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, layer.rawPath && layer.rawPath !== '/' ? `${prefix}${layer.rawPath}` : prefix);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found.sort();
}

describe('the OpenAPI document', () => {
  it('documents every route the server serves, and no route it does not', async () => {
    const response = await test.http.get('/api/openapi.json');
    expect(response.status).toBe(200);
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`))
      .sort();
    const served = servedRoutes(test.server.app);
    expect(served.length).toBeGreaterThan(15);
    expect(documented).toEqual(served);
  });

  it('is OpenAPI 3.1 with an operation id, a summary, responses and a security statement for every operation', async () => {
    const document = (await test.http.get('/api/openapi.json')).body;
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'amtsflow-session' });
    const ids = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method} ${path}`;
        expect({ where, id: typeof operation.operationId, summary: typeof operation.summary }).toEqual({ where, id: 'string', summary: 'string' });
        expect(ids.has(operation.operationId as string)).toBe(false);
        ids.add(operation.operationId as string);
        expect(Object.keys(operation.responses as object).length).toBeGreaterThan(0);
        expect(Array.isArray(operation.security)).toBe(true);
        for (const parameter of (operation.parameters ?? []) as { in: string; name: string }[]) {
          if (parameter.in === 'path') expect(path).toContain(`{${parameter.name}}`);
        }
      }
    }
  });

  it('holds only JSON schemas that compile (JSON Schema 2020-12, as OpenAPI 3.1 uses)', async () => {
    const document = (await test.http.get('/api/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false });
    addFormatsPlugin.default(ajv);
    ajv.addSchema({ $id: 'doc', ...document.components.schemas.Problem }, 'problem');
    const schemas: unknown[] = [];
    const collect = (value: unknown, key?: string) => {
      if (key === 'schema' && value && typeof value === 'object') schemas.push(value);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
    };
    collect(document.paths);
    expect(schemas.length).toBeGreaterThan(20);
    for (const schema of schemas) {
      const resolved = JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/Problem', 'problem'));
      expect(() => ajv.compile(resolved)).not.toThrow();
    }
  });

  it('marks public routes as needing no session and states the roles of the others', async () => {
    const { paths } = (await test.http.get('/api/openapi.json')).body;
    expect(paths['/api/auth/login'].post).toMatchObject({ security: [], 'x-amtsflow-access': 'public' });
    expect(paths['/api/admin/users'].get).toMatchObject({ security: [{ session: [] }], 'x-amtsflow-access': ['admin'] });
    expect(paths['/api/deployments'].post.requestBody.content['multipart/form-data']).toBeDefined();
    expect(Object.keys(paths['/api/portal/services/{serviceId}/submissions'].post.requestBody.content)).toEqual(['application/json', 'multipart/form-data']);
    expect(paths['/api/portal/services/{serviceId}/submissions'].post).toMatchObject({ security: [], 'x-amtsflow-access': 'public' });
    expect(paths['/api/portal/services/{serviceId}/submissions'].post.responses['429']).toBeDefined();
    expect(paths['/api/admin/users/{userId}'].patch.responses['401'].content['application/problem+json']).toBeDefined();
  });
});
