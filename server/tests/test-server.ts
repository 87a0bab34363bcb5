/**
 * Starts the platform server for a test on a fresh PGlite directory (and the embedded engine's gateway when given),
 * with staff accounts for every kind of user, and signs them in over real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { readServerConfig, type ServerConfig } from '../config.js';
import { hashPassword } from '../identity/passwords.js';
import type { Role } from '../identity/roles.js';
import type { StaffUser } from '../identity/staff-user.js';
import { startServer, type RunningServer, type StartServerOptions } from '../start-server.js';

export const ADMIN_PASSWORD = 'bootstrap-admin-password';
export const STAFF_PASSWORD = 'correct horse battery staple';

/** A gateway address nothing listens on, for tests that never reach the engine. */
export const NO_GATEWAY = '127.0.0.1:9';

export interface TestServer {
  server: RunningServer;
  http: ReturnType<typeof request>;
  dataDir: string;
  stop(): Promise<void>;
}

export interface TestServerOptions extends Omit<StartServerOptions, 'logger'> {
  config?: Partial<ServerConfig>;
  env?: NodeJS.ProcessEnv;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-server-'));
  const config: ServerConfig = {
    ...readServerConfig({ AMTSFLOW_DATA_DIR: dataDir, PORT: '0', AMTSFLOW_ADMIN_PASSWORD: ADMIN_PASSWORD, AMTSFLOW_LOGIN_RATE_LIMIT: '100000', ...options.env }),
    logLevel: 'silent',
    // The API alone, whether or not designer/dist was built on this machine; a test of the web apps passes its own.
    webDir: path.join(dataDir, 'no-web-build'),
    ...options.config,
  };
  const server = await startServer(config, { gatewayAddress: NO_GATEWAY, ...options, logger: pino({ level: 'silent' }) });
  return {
    server,
    http: request(server.app),
    dataDir,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createStaff(server: RunningServer, username: string, roles: Role[], departments: string[] = []): Promise<StaffUser> {
  return server.context.users.create({
    username,
    displayName: username,
    passwordHash: await hashPassword(STAFF_PASSWORD),
    roles,
    departments,
    mustChangePassword: false,
  });
}

/** A signed-in browser: its cookie and the session's CSRF token. */
export interface Credentials {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export async function signIn(test: TestServer, username: string, password = STAFF_PASSWORD): Promise<Credentials> {
  const response = await test.http.post('/api/auth/login').send({ username, password });
  if (response.status !== 200) throw new Error(`Signing in ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { cookie: sessionCookieOf(response.headers['set-cookie']), csrfToken: response.body.csrfToken, userId: response.body.user.id };
}

/** The `name=value` of the session cookie in a Set-Cookie header. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const session = cookies.find((cookie) => /amtsflow-session=[^;]/.test(cookie));
  if (!session) throw new Error(`No session cookie in ${JSON.stringify(setCookie)}`);
  return session.split(';')[0];
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A request as a signed-in user (cookie and CSRF token) or anonymously. */
export function as(test: TestServer, who: Credentials | undefined, method: Method, url: string) {
  const call = test.http[method](url);
  return who ? call.set('Cookie', who.cookie).set('X-CSRF-Token', who.csrfToken) : call;
}
