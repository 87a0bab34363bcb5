/** Hostile keys, names, queries and bodies at the operations routes: never a 5xx, always problem+json when refused. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { bpmnProcess, eventually, sequence, serviceTask, startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import { as, createStaff, signIn, startTestServer, type Credentials, type TestServer } from '../tests/test-server.js';

let engine: TestEngine;
let test: TestServer;
let manager: Credentials;
let instanceKey = '';

beforeAll(async () => {
  engine = await startTestEngine();
  test = await startTestServer({ gatewayAddress: engine.running.gatewayAddress, operationsSource: engine.running.reads });
  await createStaff(test.server, 'pm', ['process-manager']);
  manager = await signIn(test, 'pm');
  await engine.zbc.deployResource({ name: 'p.bpmn', process: bpmnProcess('hostile', sequence({ id: 'work', xml: serviceTask('work', 'hostile-work') })) });
  instanceKey = (await engine.zbc.createProcessInstance({ bpmnProcessId: 'hostile', variables: {} })).processInstanceKey;
  await eventually(() => engine.running.reads.processInstance(instanceKey));
});
afterAll(async () => {
  await test.stop();
  await engine.destroy();
});

/** Path segments: keys out of range, signs, huge numbers, text, encodings. */
const hostileKey = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.stringMatching(/^[0-9]{1,25}$/),
  fc.constantFrom('0', '-1', '9223372036854775807', '9223372036854775808', '18446744073709551616', '1e3', '0x10', ' 1', '2251799813685249\u0000', '..', '%2F'),
);

const hostileJson = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('__proto__', '{"__proto__":{"x":1}}', '\u0000', '"\\u0000"', '1e400', '-0', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'NaN'),
);

const body = fc.oneof(
  fc.record({ value: hostileJson, scopeKey: fc.oneof(hostileKey, fc.jsonValue()), retries: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()) }, { requiredKeys: [] }),
  fc.record({ value: hostileJson.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))) }),
  fc.jsonValue(),
).map((value) => JSON.stringify(value));

const rawBody = fc.oneof(body, fc.string({ unit: 'binary', maxLength: 300 }), fc.constant('{"value":'), fc.constant(''));

function expectNoServerError(response: { status: number; headers: Record<string, string>; text: string }): void {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.text).not.toMatch(/at .*\.(ts|js):\d+/);
  }
}

describe('operations routes under hostile input', () => {
  it('set a variable: hostile instance keys, names and bodies never cause a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileKey, fc.constant(instanceKey)), fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('__proto__', 'constructor', 'a\u0000b', '\u202e', 'x'.repeat(300))), rawBody,
        async (key, name, payload) => {
          const response = await as(test, manager, 'put', `/api/operations/instances/${encodeURIComponent(key)}/variables/${encodeURIComponent(name)}`)
            .set('Content-Type', 'application/json').send(payload);
          expectNoServerError(response);
        }),
      { numRuns: 150 },
    );
  });

  it('retry an incident and cancel an instance: hostile keys and bodies never cause a server error', async () => {
    await fc.assert(
      fc.asyncProperty(hostileKey, rawBody, fc.constantFrom('application/json', 'text/plain', ''), async (key, payload, contentType) => {
        const retry = as(test, manager, 'post', `/api/operations/incidents/${encodeURIComponent(key)}/retry`);
        if (contentType) retry.set('Content-Type', contentType);
        expectNoServerError(await retry.send(payload));
        expectNoServerError(await as(test, manager, 'post', `/api/operations/instances/${encodeURIComponent(key)}/cancel`).send(payload));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a NUL character in a query or path value with its field, before the database sees it', async () => {
    // The property below found this: PostgreSQL text cannot hold a NUL, and the filter reached the database.
    const filtered = await as(test, manager, 'get', `/api/operations/instances?bpmnProcessId=${encodeURIComponent('hostile\u0000')}`);
    expect(filtered.status).toBe(400);
    expect(filtered.body.errors).toEqual([{ pointer: '#/query/bpmnProcessId', detail: 'must not contain a NUL character' }]);
    const keyed = await as(test, manager, 'get', `/api/operations/instances/${encodeURIComponent(`${instanceKey}\u0000`)}`);
    expect(keyed.status).toBe(400);
    expect(keyed.body.errors).toEqual([{ pointer: '#/path/processInstanceKey', detail: 'must not contain a NUL character' }]);
  });

  it('reads: hostile keys and query strings never cause a server error', async () => {
    const queryValue = fc.oneof(fc.string({ maxLength: 40 }), hostileKey, fc.constantFrom('INCIDENT', 'ACTIVE', '-1', '0', '1e9', '2147483648'));
    const query = fc.dictionary(fc.constantFrom('bpmnProcessId', 'version', 'state', 'parentProcessInstanceKey', 'cursor', 'limit', 'x', '__proto__'), queryValue, { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(query, hostileKey, fc.constantFrom('', '/history', '/xml'), async (parameters, key, tail) => {
        const search = new URLSearchParams(parameters).toString();
        expectNoServerError(await as(test, manager, 'get', `/api/operations/instances?${search}`));
        expectNoServerError(await as(test, manager, 'get', `/api/operations/instances/${encodeURIComponent(key)}${tail}?${search}`));
      }),
      { numRuns: 150 },
    );
  });
});
