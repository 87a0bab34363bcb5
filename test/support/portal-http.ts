/**
 * The portal's setup over plain HTTP (fetch), as a client of a running `npm start` would do it: a staff account, the
 * dog registration service deployed and published (or a process that asks for documents later), and citizens' submissions.
 */
import { DOCUMENTS_MESSAGE, DOG_SERVICE_FORM, processAskingForDocuments, serviceProcess } from '../../server/tests/portal-fixtures.js';

/** For tests that load the portal: no rate limit in the way, and what a crash left pending settled after a second. */
export const BUSY_PORTAL_ENV = { AMTSFLOW_PORTAL_SUBMISSIONS_PER_MINUTE: '1000000', AMTSFLOW_PORTAL_RESUME_AFTER_SECONDS: '1', AMTSFLOW_PORTAL_RESUME_CHECK_SECONDS: '1' };

export interface StaffSession {
  cookie: string;
  csrfToken: string;
}

export async function signInOver(url: string, username: string, password: string): Promise<StaffSession & { userId: string }> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (response.status !== 200) throw new Error(`Signing in ${username}: ${response.status} ${await response.text()}`);
  const body = await response.json() as { csrfToken: string; user: { id: string } };
  return { cookie: response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; '), csrfToken: body.csrfToken, userId: body.user.id };
}

export async function staffCall(url: string, session: StaffSession, method: string, path: string, body?: object | FormData): Promise<Response> {
  const json = body !== undefined && !(body instanceof FormData);
  return fetch(`${url}${path}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(body) : body,
  });
}

/**
 * The admin gives themself the process manager's and a Kämmerei clerk's roles, deploys the service and publishes it;
 * `asksForDocuments`: `processAskingForDocuments`, published to take documents later by `DOCUMENTS_MESSAGE`.
 */
export async function publishDogServiceOver(url: string, adminPassword: string, processId = 'hund-anmelden', { asksForDocuments = false } = {}): Promise<StaffSession> {
  const admin = await signInOver(url, 'admin', adminPassword);
  const roles = await staffCall(url, admin, 'PATCH', `/api/admin/users/${admin.userId}`, { roles: ['admin', 'process-manager', 'clerk'], departments: ['kaemmerei'] });
  if (roles.status !== 200) throw new Error(`Roles: ${roles.status} ${await roles.text()}`);
  const files = new FormData();
  files.append('files', new Blob([JSON.stringify(DOG_SERVICE_FORM)]), 'hund-anmelden.form');
  files.append('files', new Blob([new Uint8Array(asksForDocuments ? processAskingForDocuments(processId) : serviceProcess(processId))]), `${processId}.bpmn`);
  const deployed = await staffCall(url, admin, 'POST', '/api/deployments', files);
  if (deployed.status !== 201) throw new Error(`Deployment: ${deployed.status} ${await deployed.text()}`);
  const published = await staffCall(url, admin, 'POST', '/api/services', {
    processId, title: 'Hund anmelden (Beispiel)', referencePrefix: 'PROBE', ...(asksForDocuments ? { laterDocuments: { message: DOCUMENTS_MESSAGE, variable: 'unterlagen' } } : {}),
  });
  if (published.status !== 201) throw new Error(`Publishing: ${published.status} ${await published.text()}`);
  return admin;
}
