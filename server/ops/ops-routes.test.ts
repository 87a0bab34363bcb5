import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import { startTestServer, type TestServer } from '../tests/test-server.js';

describe('health and metrics with the gateway up', () => {
  let engine: TestEngine;
  let test: TestServer;
  beforeAll(async () => {
    engine = await startTestEngine();
    test = await startTestServer({ gatewayAddress: engine.running.gatewayAddress });
  });
  afterAll(async () => {
    await test.stop();
    await engine.destroy();
  });

  it('reports healthy when the database and the gateway answer', async () => {
    const response = await test.http.get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: { status: 'up' }, gateway: { status: 'up' } } });
  });

  it('counts requests by declared route and status, and says the gateway is up', async () => {
    await test.http.get('/api/admin/users/some-id');
    await test.http.get('/no/such/page');
    const metrics = await test.http.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toContain('amtsflow_http_requests_total{method="GET",route="/api/admin/users/:userId",status="401"} 1');
    expect(metrics.text).toContain('amtsflow_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(metrics.text).toMatch(/amtsflow_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(metrics.text).toContain('amtsflow_zeebe_gateway_up 1');
    expect(metrics.text).toContain('amtsflow_process_cpu_seconds_total');
  });

  it('sends security headers and answers unknown paths with problem+json 404', async () => {
    const response = await test.http.get('/no/such/page');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, instance: '/no/such/page' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('health and metrics with the gateway down', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  });
  afterAll(async () => test.stop());

  it('reports 503 with the gateway down and the database up', async () => {
    const response = await test.http.get('/healthz');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'failing', checks: { database: { status: 'up' }, gateway: { status: 'down' } } });
    expect((await test.http.get('/metrics')).text).toContain('amtsflow_zeebe_gateway_up 0');
  });

  it('answers a deployment with 503 problem+json when the gateway cannot be reached', async () => {
    const { createStaff, signIn, as } = await import('../tests/test-server.js');
    await createStaff(test.server, 'pm', ['process-manager']);
    const pm = await signIn(test, 'pm');
    const response = await as(test, pm, 'post', '/api/deployments').attach('files', Buffer.from('<x/>'), 'x.bpmn');
    expect(response.status).toBe(503);
    expect(response.body.type).toBe('urn:amtsflow:problem:gateway-failed');
  });
});
