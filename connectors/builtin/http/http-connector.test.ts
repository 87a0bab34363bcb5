/** The HTTP/JSON connector against a local node:http server, through the embedded engine. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bpmnProcess, connectorProcess, connectorTask, flow, incidentOf, runToEnd, startConnectorTestBed, type ConnectorTestBed,
} from '../../testing/connector-test-bed.js';
import { httpConnector } from './http-connector.js';

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

const requests: Recorded[] = [];
let tokenRequests: Recorded[] = [];
let flakyCalls = 0;
let issuedTokens = 0;

/** A Kasse API: Kassenzeichen lookup, payment creation, a flaky status endpoint, and an OAuth token endpoint. */
async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  let body = '';
  for await (const chunk of request) body += chunk;
  const recorded = { method: request.method!, url: request.url!, authorization: request.headers.authorization, body };
  const json = (status: number, value: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(value));
  };
  if (request.url === '/oauth/token') {
    tokenRequests.push(recorded);
    if (request.headers.authorization !== `Basic ${Buffer.from('amtsflow:s3cret').toString('base64')}`) return json(401, { error: 'invalid_client' });
    issuedTokens += 1;
    return json(200, { access_token: `token-${issuedTokens}`, token_type: 'Bearer', expires_in: 3600 });
  }
  requests.push(recorded);
  if (request.url!.startsWith('/kassenzeichen/')) {
    if (request.headers.authorization !== 'Bearer abc') return json(401, { error: 'unauthorised' });
    const id = request.url!.split('/')[2].split('?')[0];
    if (id === 'unbekannt') return json(404, { message: 'Kassenzeichen unbekannt' });
    return json(200, { kassenzeichen: id, offenCents: 12_500, query: new URL(request.url!, 'http://x').searchParams.get('jahr') });
  }
  if (request.url === '/zahlungen' && request.method === 'POST') {
    if (request.headers.authorization !== `Basic ${Buffer.from('kasse:geheim').toString('base64')}`) return json(401, {});
    return json(201, { id: 'Z-1', received: JSON.parse(body) });
  }
  if (request.url === '/status') {
    flakyCalls += 1;
    if (flakyCalls <= 2) return json(503, { message: 'Wartung' });
    return json(200, { status: 'bereit' });
  }
  if (request.url === '/oauth-protected') {
    if (!request.headers.authorization?.startsWith('Bearer token-')) return json(401, {});
    return json(200, { token: request.headers.authorization.slice(7) });
  }
  if (request.url === '/langsam') return; // never answers
  json(404, {});
}

let server: Server;
let base: string;
let bed: ConnectorTestBed;

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bed = await startConnectorTestBed([httpConnector({ retryBackoff: { initialMs: 10, maxMs: 100 } })], {
    secretValues: { KASSE_TOKEN: 'abc', KASSE_PASSWORD: 'geheim', OAUTH_SECRET: 's3cret' },
  });
});
afterAll(async () => {
  await bed.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const TYPE = 'amtsflow:http-json:1';

describe('the HTTP/JSON connector', () => {
  it('GETs with query parameters and a bearer token from a secret, and maps the JSON answer', async () => {
    const bpmn = connectorProcess('http-get', TYPE, {
      inputs: { url: `="${base}/kassenzeichen/" + kassenzeichen`, query: '={ jahr: 2025 }', bearerToken: '{{secrets.KASSE_TOKEN}}' },
      headers: { method: 'GET', authType: 'bearer', resultExpression: '={ offen: body.offenCents, jahr: body.query, httpStatus: status }' },
    });
    const variables = await runToEnd(bed, 'http-get', bpmn, { kassenzeichen: 'K-2025-0815' });
    expect(variables).toMatchObject({ offen: 12_500, jahr: '2025', httpStatus: 200 });
    expect(requests.at(-1)).toMatchObject({ method: 'GET', url: '/kassenzeichen/K-2025-0815?jahr=2025', authorization: 'Bearer abc' });
  });

  it('POSTs a JSON body with basic authentication', async () => {
    const bpmn = connectorProcess('http-post', TYPE, {
      inputs: { url: `${base}/zahlungen`, body: '={ betragCents: 12500, zweck: "Hundesteuer 2025" }', username: 'kasse', password: '{{secrets.KASSE_PASSWORD}}' },
      headers: { method: 'POST', authType: 'basic', resultVariable: 'zahlung' },
    });
    const variables = await runToEnd(bed, 'http-post', bpmn);
    expect(variables.zahlung).toMatchObject({ status: 201, body: { id: 'Z-1', received: { betragCents: 12_500, zweck: 'Hundesteuer 2025' } } });
  });

  it('retries a 5xx answer with back-off and succeeds when the server recovers', async () => {
    const bpmn = connectorProcess('http-flaky', TYPE, { inputs: { url: `${base}/status` }, headers: { resultExpression: '={ status: body.status }' } });
    const variables = await runToEnd(bed, 'http-flaky', bpmn);
    expect(variables.status).toBe('bereit');
    expect(flakyCalls).toBe(3);
  });

  it('fetches an OAuth token once and reuses it until it expires', async () => {
    tokenRequests = [];
    const setup = {
      inputs: { url: `${base}/oauth-protected`, oauthClientId: 'amtsflow', oauthClientSecret: '{{secrets.OAUTH_SECRET}}' },
      headers: { authType: 'oauth-client-credentials', oauthTokenUrl: `${base}/oauth/token`, oauthScope: 'kasse.read', resultExpression: '={ token: body.token }' },
    };
    const first = await runToEnd(bed, 'http-oauth', connectorProcess('http-oauth', TYPE, setup));
    const second = await bed.engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'http-oauth', variables: {}, requestTimeout: 20_000 });
    expect(first.token).toBe('token-1');
    expect(second.variables.token).toBe('token-1');
    expect(tokenRequests).toHaveLength(1);
    expect(new URLSearchParams(tokenRequests[0].body).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(tokenRequests[0].body).get('scope')).toBe('kasse.read');
  });

  it('raises an incident for a 4xx answer, naming status and message', async () => {
    const bpmn = connectorProcess('http-404', TYPE, {
      inputs: { url: `${base}/kassenzeichen/unbekannt`, bearerToken: '{{secrets.KASSE_TOKEN}}' }, headers: { authType: 'bearer' },
    });
    await bed.engine.zbc.deployResource({ name: 'http-404.bpmn', process: bpmn });
    const { processInstanceKey } = await bed.engine.zbc.createProcessInstance({ bpmnProcessId: 'http-404', variables: {} });
    const incident = await incidentOf(bed, processInstanceKey);
    expect(incident.errorMessage).toBe(`GET ${base}/kassenzeichen/unbekannt answered 404: {"message":"Kassenzeichen unbekannt"}`);
  });

  it('throws HTTP_CLIENT_ERROR for a 4xx answer when the task asks for a BPMN error', async () => {
    const body = ['<bpmn:startEvent id="start" />',
      connectorTask('task', TYPE, { inputs: { url: `${base}/kassenzeichen/unbekannt`, bearerToken: '{{secrets.KASSE_TOKEN}}' }, headers: { authType: 'bearer', clientErrors: 'bpmnError' } }),
      '<bpmn:boundaryEvent id="unknown" attachedToRef="task"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=httpStatus" target="failedWith" /></zeebe:ioMapping></bpmn:extensionElements><bpmn:errorEventDefinition errorRef="E" /></bpmn:boundaryEvent>',
      '<bpmn:endEvent id="end" />', '<bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'task'), flow('f2', 'task', 'end'), flow('f3', 'unknown', 'end2')].join('');
    const bpmn = bpmnProcess('http-error', body, '<bpmn:error id="E" name="client error" errorCode="HTTP_CLIENT_ERROR" />');
    const variables = await runToEnd(bed, 'http-error', bpmn);
    expect(variables.failedWith).toBe(404);
  });

  it('gives up on a server that does not answer within the timeout, retrying first', async () => {
    const bpmn = connectorProcess('http-slow', TYPE, { inputs: { url: `${base}/langsam` }, headers: { timeoutMs: '100' }, retries: 2 });
    await bed.engine.zbc.deployResource({ name: 'http-slow.bpmn', process: bpmn });
    const { processInstanceKey } = await bed.engine.zbc.createProcessInstance({ bpmnProcessId: 'http-slow', variables: {} });
    const incident = await incidentOf(bed, processInstanceKey);
    expect(incident.errorMessage).toBe(`GET ${base}/langsam timed out after 100 ms`);
    expect(requests.filter((request) => request.url === '/langsam')).toHaveLength(2);
  });

  it('refuses a basic authentication without a password before calling anyone', async () => {
    const bpmn = connectorProcess('http-nopass', TYPE, { inputs: { url: `${base}/zahlungen`, username: 'kasse' }, headers: { method: 'POST', authType: 'basic' } });
    await bed.engine.zbc.deployResource({ name: 'http-nopass.bpmn', process: bpmn });
    const { processInstanceKey } = await bed.engine.zbc.createProcessInstance({ bpmnProcessId: 'http-nopass', variables: {} });
    expect((await incidentOf(bed, processInstanceKey)).errorMessage).toContain("input 'password' is required");
  });
});
