/**
 * Every route × every kind of caller: anonymous, a clerk of another department, a clerk of the right department, a
 * process manager and an admin each get exactly the status they should. The table must name every declared route.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, eventually, sequence, serviceTask, startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import { elementTemplateRoutes } from '../deployments/element-template-routes.js';
import { requireDepartment } from '../identity/authorization.js';
import type { RouteModule } from '../server-context.js';
import { DOG_SERVICE_FORM, PDF_BYTES, serviceProcess } from '../tests/portal-fixtures.js';
import { ADMIN_PASSWORD, as, createStaff, signIn, startTestServer, STAFF_PASSWORD, type Credentials, type TestServer } from '../tests/test-server.js';

/** A route of the kind the task list will have: only clerks of the department a request is about. */
const departmentRoutes: RouteModule = {
  name: 'department-example',
  register(routes) {
    routes.add({
      method: 'get', path: '/api/example/departments/:department/things', operationId: 'exampleDepartmentThings', tag: 'example', access: 'staff',
      summary: 'Only for clerks of the department', params: { department: { type: 'string' } },
      responses: { 200: { description: 'ok' } },
      guards: [requireDepartment((req) => [req.params.department as string])],
      handler: (_req, res) => res.json({ things: [] }),
    });
  },
};

type Caller = 'anonymous' | 'otherClerk' | 'rightClerk' | 'processManager' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'otherClerk', 'rightClerk', 'processManager', 'admin'];

interface Row {
  method: 'get' | 'post' | 'put' | 'patch';
  /** The declared path and the one requested. */
  route: string;
  url: string;
  send?: (call: ReturnType<typeof as>) => ReturnType<typeof as>;
  expected: Record<Caller, number>;
}

const only = (caller: Caller, status: number): Record<Caller, number> =>
  ({ anonymous: 401, otherClerk: 403, rightClerk: 403, processManager: 403, admin: 403, [caller]: status });
const everyone = (status: number): Record<Caller, number> =>
  ({ anonymous: status, otherClerk: status, rightClerk: status, processManager: status, admin: status });
const signedIn = (status: number): Record<Caller, number> => ({ ...everyone(status), anonymous: 401 });
/** Process managers and admins: the operations routes. */
const operators = (status: number): Record<Caller, number> => ({ ...only('processManager', status), admin: status });

let engine: TestEngine;
let test: TestServer;
const callers = {} as Record<Caller, Credentials | undefined>;
let targetUserId = '';
let instanceKey = '';
/** A Kämmerei task (no form), recorded by the task worker. */
let taskKey = '';
/** A citizen's submission with one file, and the Kämmerei task its instance opened. */
let statusToken = '';
let attachmentId = '';
let submissionTaskKey = '';

beforeAll(async () => {
  engine = await startTestEngine();
  test = await startTestServer({ gatewayAddress: engine.running.gatewayAddress, modules: [departmentRoutes, elementTemplateRoutes(() => [])], operationsSource: engine.running.reads });
  await engine.zbc.deployResource({ name: 'matrix-ops.bpmn', process: bpmnProcess('matrix-ops', sequence({ id: 'work', xml: serviceTask('work', 'matrix-work') })) });
  instanceKey = (await engine.zbc.createProcessInstance({ bpmnProcessId: 'matrix-ops', variables: {} })).processInstanceKey;
  await eventually(() => engine.running.reads.processInstance(instanceKey));
  await createStaff(test.server, 'other-clerk', ['clerk'], ['ordnungsamt']);
  await createStaff(test.server, 'right-clerk', ['clerk'], ['kaemmerei']);
  await createStaff(test.server, 'manager', ['process-manager']);
  await createStaff(test.server, 'login-target', []);
  targetUserId = (await createStaff(test.server, 'target', ['clerk'])).id;
  callers.anonymous = undefined;
  callers.otherClerk = await signIn(test, 'other-clerk');
  callers.rightClerk = await signIn(test, 'right-clerk');
  callers.processManager = await signIn(test, 'manager');
  callers.admin = await signIn(test, 'admin', ADMIN_PASSWORD);
  const userTask = '<bpmn:userTask id="pruefen"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="kaemmerei" /></bpmn:extensionElements></bpmn:userTask>';
  await engine.zbc.deployResource({ name: 'matrix-task.bpmn', process: bpmnProcess('matrix-task', sequence({ id: 'pruefen', xml: userTask })) });
  const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'matrix-task', variables: {} });
  taskKey = await eventually(async () => {
    const [row] = await test.server.context.sql.query<{ job_key: string }>('SELECT job_key FROM tasks WHERE process_instance_key = $1', [String(processInstanceKey)]);
    return row?.job_key;
  }, 10_000);
  await publishServices();
});

/** Two services (one to withdraw) and a submission with a file to one of them. */
async function publishServices(): Promise<void> {
  await as(test, callers.processManager, 'post', '/api/deployments')
    .attach('files', Buffer.from(JSON.stringify(DOG_SERVICE_FORM)), 'matrix-service.form')
    .attach('files', serviceProcess('matrix-service'), 'matrix-service.bpmn')
    .attach('files', serviceProcess('matrix-withdraw'), 'matrix-withdraw.bpmn');
  for (const [processId, referencePrefix] of [['matrix-service', 'MTX'], ['matrix-withdraw', 'MTW']]) {
    const published = await as(test, callers.processManager, 'post', '/api/services').send({ processId, title: processId, referencePrefix });
    if (published.status !== 201) throw new Error(`Publishing failed: ${JSON.stringify(published.body)}`);
  }
  const submitted = await test.http.post('/api/portal/services/matrix-service/submissions')
    .field('data', JSON.stringify({ halterName: 'Matrix', impfnachweis: 'files::m' })).attach('files::m', PDF_BYTES, 'impf.pdf');
  statusToken = submitted.body.statusToken;
  attachmentId = (await test.http.get(`/api/portal/submissions/${statusToken}`)).body.attachments[0].id;
  submissionTaskKey = await eventually(async () => {
    const [row] = await test.server.context.sql.query<{ job_key: string }>(
      `SELECT t.job_key FROM tasks t JOIN portal_submissions s ON s.process_instance_key = t.process_instance_key WHERE s.reference = $1`, [submitted.body.reference]);
    return row?.job_key;
  }, 10_000);
}
afterAll(async () => {
  await test.stop();
  await engine.destroy();
});

function rows(): Row[] {
  const user = `/api/admin/users/${targetUserId}`;
  const task = `/api/tasks/${taskKey}`;
  const instance = `/api/operations/instances/${instanceKey}`;
  return [
    { method: 'get', route: '/healthz', url: '/healthz', expected: everyone(200) },
    { method: 'get', route: '/metrics', url: '/metrics', expected: everyone(200) },
    { method: 'get', route: '/api/openapi.json', url: '/api/openapi.json', expected: everyone(200) },
    { method: 'get', route: '/api/auth/methods', url: '/api/auth/methods', expected: everyone(200) },
    { method: 'get', route: '/api/auth/oidc/login', url: '/api/auth/oidc/login', expected: everyone(404) },
    { method: 'get', route: '/api/auth/oidc/callback', url: '/api/auth/oidc/callback?code=x&state=y', expected: everyone(404) },
    { method: 'get', route: '/api/auth/session', url: '/api/auth/session', expected: signedIn(200) },
    { method: 'post', route: '/api/auth/password', url: '/api/auth/password', send: (c) => c.send({ currentPassword: 'not mine', newPassword: 'a long enough password' }), expected: signedIn(400) },
    { method: 'get', route: '/api/admin/users', url: '/api/admin/users', expected: only('admin', 200) },
    { method: 'post', route: '/api/admin/users', url: '/api/admin/users', send: (c) => c.send({ username: 'created-in-matrix', displayName: 'x' }), expected: only('admin', 201) },
    { method: 'get', route: '/api/admin/users/:userId', url: user, expected: only('admin', 200) },
    { method: 'patch', route: '/api/admin/users/:userId', url: user, send: (c) => c.send({ displayName: 'Renamed' }), expected: only('admin', 200) },
    { method: 'post', route: '/api/admin/users/:userId/password-reset', url: `${user}/password-reset`, send: (c) => c.send({}), expected: only('admin', 200) },
    { method: 'get', route: '/api/admin/audit', url: '/api/admin/audit?limit=5', expected: only('admin', 200) },
    {
      method: 'post', route: '/api/deployments', url: '/api/deployments',
      send: (c) => c.attach('files', bpmnProcess('matrix', sequence()), 'matrix.bpmn')
        .attach('files', Buffer.from(JSON.stringify({ id: 'matrix-form', type: 'default', components: [] })), 'matrix.form'),
      expected: only('processManager', 201),
    },
    { method: 'get', route: '/api/processes', url: '/api/processes', expected: only('processManager', 200) },
    { method: 'get', route: '/api/processes/:bpmnProcessId/versions/:version/xml', url: '/api/processes/matrix/versions/1/xml', expected: only('processManager', 200) },
    { method: 'get', route: '/api/forms', url: '/api/forms', expected: only('processManager', 200) },
    { method: 'get', route: '/api/forms/:formId/versions/:version/schema', url: '/api/forms/matrix-form/versions/1/schema', expected: only('processManager', 200) },
    { method: 'get', route: '/api/decisions', url: '/api/decisions', expected: only('processManager', 200) },
    { method: 'get', route: '/api/decisions/:decisionRequirementsId/versions/:version/xml', url: '/api/decisions/none/versions/1/xml', expected: only('processManager', 404) },
    { method: 'get', route: '/api/element-templates', url: '/api/element-templates', expected: only('processManager', 200) },
    { method: 'get', route: '/api/operations/instances', url: '/api/operations/instances?limit=5', expected: operators(200) },
    { method: 'get', route: '/api/operations/instances/:processInstanceKey', url: instance, expected: operators(200) },
    { method: 'get', route: '/api/operations/instances/:processInstanceKey/history', url: `${instance}/history`, expected: operators(200) },
    { method: 'get', route: '/api/operations/instances/:processInstanceKey/xml', url: `${instance}/xml`, expected: operators(200) },
    { method: 'put', route: '/api/operations/instances/:processInstanceKey/variables/:name', url: `${instance}/variables/geprueft`, send: (c) => c.send({ value: 'true' }), expected: operators(200) },
    { method: 'post', route: '/api/operations/instances/:processInstanceKey/cancel', url: '/api/operations/instances/2251799813999999/cancel', expected: operators(404) },
    { method: 'post', route: '/api/operations/incidents/:incidentKey/retry', url: '/api/operations/incidents/2251799813999999/retry', send: (c) => c.send({}), expected: operators(404) },
    {
      method: 'get', route: '/api/example/departments/:department/things', url: '/api/example/departments/kaemmerei/things',
      expected: { anonymous: 401, otherClerk: 403, rightClerk: 200, processManager: 403, admin: 403 },
    },
    // The task list: clerks of the task's department work on it, process managers oversee it, admins get no case data.
    { method: 'get', route: '/api/tasks', url: '/api/tasks', expected: { anonymous: 401, otherClerk: 200, rightClerk: 200, processManager: 200, admin: 403 } },
    { method: 'get', route: '/api/tasks/:taskKey', url: task, expected: { anonymous: 401, otherClerk: 403, rightClerk: 200, processManager: 200, admin: 403 } },
    { method: 'post', route: '/api/tasks/:taskKey/claim', url: `${task}/claim`, expected: { anonymous: 401, otherClerk: 403, rightClerk: 200, processManager: 403, admin: 403 } },
    // The clerk hands back their claim; the process manager finds nothing to hand back.
    { method: 'post', route: '/api/tasks/:taskKey/unclaim', url: `${task}/unclaim`, expected: { anonymous: 401, otherClerk: 403, rightClerk: 200, processManager: 200, admin: 403 } },
    {
      method: 'post', route: '/api/tasks/:taskKey/assign', url: `${task}/assign`, send: (c) => c.send({ assignee: 'right-clerk' }),
      expected: { anonymous: 401, otherClerk: 403, rightClerk: 200, processManager: 200, admin: 403 },
    },
    {
      method: 'post', route: '/api/tasks/:taskKey/complete', url: `${task}/complete`, send: (c) => c.send({}),
      expected: { anonymous: 401, otherClerk: 403, rightClerk: 200, processManager: 403, admin: 403 },
    },
    // The portal: process managers publish services; citizens (anonymous) apply and follow their status link; the
    // files reach the clerks of the case's task.
    { method: 'get', route: '/api/services', url: '/api/services', expected: only('processManager', 200) },
    { method: 'post', route: '/api/services', url: '/api/services', send: (c) => c.send({ processId: 'matrix-service', title: 'Matrix', referencePrefix: 'MTX' }), expected: only('processManager', 201) },
    { method: 'post', route: '/api/services/:processId/withdraw', url: '/api/services/matrix-withdraw/withdraw', expected: only('processManager', 204) },
    { method: 'get', route: '/api/portal/services', url: '/api/portal/services', expected: everyone(200) },
    { method: 'get', route: '/api/portal/services/:serviceId/form', url: '/api/portal/services/matrix-service/form', expected: everyone(200) },
    {
      method: 'post', route: '/api/portal/services/:serviceId/submissions', url: '/api/portal/services/matrix-service/submissions',
      send: (c) => c.send({ data: { halterName: 'Jemand' } }), expected: everyone(201),
    },
    { method: 'get', route: '/api/portal/submissions/:statusToken', url: `/api/portal/submissions/${statusToken}`, expected: everyone(200) },
    // Public, the status token the only credential; this service takes no documents later, so every caller gets its 409.
    {
      method: 'post', route: '/api/portal/submissions/:statusToken/documents', url: `/api/portal/submissions/${statusToken}/documents`,
      send: (c) => c.attach('files', PDF_BYTES, 'nachweis.pdf'), expected: everyone(409),
    },
    {
      method: 'get', route: '/api/portal/submissions/:statusToken/attachments/:attachmentId', url: `/api/portal/submissions/${statusToken}/attachments/${attachmentId}`,
      expected: everyone(200),
    },
    { method: 'get', route: '/api/portal/found-items', url: '/api/portal/found-items?category=SCHLUESSEL', expected: everyone(200) },
    {
      method: 'get', route: '/api/tasks/:taskKey/attachments/:attachmentId', url: `/api/tasks/${submissionTaskKey}/attachments/${attachmentId}`,
      expected: { anonymous: 401, otherClerk: 403, rightClerk: 200, processManager: 200, admin: 403 },
    },
    // The Rechnungseingang's intake: its clerks (none here; see invoices/invoice-routes.test.ts) and admins; this server
    // runs without the connectors' document store, so an admin who passes gets 503.
    {
      method: 'post', route: '/api/invoices', url: '/api/invoices', send: (c) => c.set('Content-Type', 'application/xml').send('<Invoice/>'),
      expected: { ...only('admin', 503) },
    },
    // Last, because they end the callers' sessions.
    { method: 'post', route: '/api/auth/logout', url: '/api/auth/logout', expected: signedIn(204) },
    { method: 'post', route: '/api/auth/login', url: '/api/auth/login', send: (c) => c.send({ username: 'login-target', password: STAFF_PASSWORD }), expected: everyone(200) },
  ];
}

describe('authorization matrix', () => {
  it('names every declared route', () => {
    const declared = test.server.routes.routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(rows().map((row) => `${row.method} ${row.route}`).sort()).toEqual(declared);
  });

  it('gives every caller exactly the status it should on every route', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const row of rows()) {
      for (const caller of CALLERS) {
        const call = as(test, callers[caller], row.method, row.url);
        const response = await (row.send ? row.send(call) : call);
        got.push(`${row.method} ${row.route} as ${caller}: ${response.status}`);
        want.push(`${row.method} ${row.route} as ${caller}: ${row.expected[caller]}`);
      }
    }
    expect(got).toEqual(want);
  });
});
