/** A process manager fetches the element templates of the running connectors for the modeler. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { elementTemplateProblems, elementTemplatesOf, httpConnector, xrechnungIntakeConnector } from '../../connectors/index.js';
import { as, createStaff, signIn, startTestServer, type Credentials, type TestServer } from '../tests/test-server.js';
import { elementTemplateRoutes } from './element-template-routes.js';

let test: TestServer;
let manager: Credentials;
beforeAll(async () => {
  test = await startTestServer({ modules: [elementTemplateRoutes(() => elementTemplatesOf([httpConnector(), xrechnungIntakeConnector]))] });
  await createStaff(test.server, 'modellierer', ['process-manager']);
  manager = await signIn(test, 'modellierer');
});
afterAll(async () => test.stop());

describe('GET /api/element-templates', () => {
  it('gives a process manager one valid template per running connector', async () => {
    const response = await as(test, manager, 'get', '/api/element-templates');
    expect(response.status).toBe(200);
    expect(response.body.map((template: { id: string }) => template.id)).toEqual(['amtsflow:http-json:1', 'amtsflow:xrechnung-intake:1']);
    for (const template of response.body) expect(elementTemplateProblems(template)).toEqual([]);
  });

  it('is in the OpenAPI document, for process managers', async () => {
    const document = (await test.http.get('/api/openapi.json')).body;
    expect(document.paths['/api/element-templates'].get).toMatchObject({ operationId: 'listElementTemplates', tags: ['deployments'] });
  });
});
