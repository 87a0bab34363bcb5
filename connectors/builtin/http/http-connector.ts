/**
 * HTTP/JSON: one REST call per job. 5xx, 429, timeouts and network errors are transient (the job is retried with
 * back-off); other 4xx answers are not: an incident, or a BPMN error `HTTP_CLIENT_ERROR` when the task asks for it.
 */
import { ConnectorError, PermanentFailure } from '../../sdk/connector-error.js';
import { defineConnector, type Connector } from '../../sdk/define-connector.js';
import { OAuthTokenCache, type ClientCredentials } from './oauth-token-cache.js';

export interface HttpInput {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  authType: 'none' | 'basic' | 'bearer' | 'oauth-client-credentials';
  username?: string;
  password?: string;
  bearerToken?: string;
  oauthTokenUrl?: string;
  oauthClientId?: string;
  oauthClientSecret?: string;
  oauthScope?: string;
  timeoutMs: number;
  clientErrors: 'incident' | 'bpmnError';
}

export interface HttpOutput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface HttpConnectorOptions {
  tokenCache?: OAuthTokenCache;
  /** Larger answers fail the job; process variables are no place for bulk data. Default 5 MB. */
  maxResponseBytes?: number;
  retryBackoff?: { initialMs?: number; maxMs?: number };
}

export const HTTP_CLIENT_ERROR = 'HTTP_CLIENT_ERROR';

const when = (authType: string) => ({ property: 'authType', equals: authType });
const authIs = (authType: string) => ({ required: ['authType'], properties: { authType: { const: authType } } });

export function httpConnector(options: HttpConnectorOptions = {}): Connector<HttpInput, HttpOutput> {
  const tokens = options.tokenCache ?? new OAuthTokenCache();
  const maxResponseBytes = options.maxResponseBytes ?? 5 * 1024 * 1024;
  return defineConnector<HttpInput, HttpOutput>({
    type: 'amtsflow:http-json:1',
    name: 'REST (HTTP/JSON)',
    description: 'Calls a JSON REST endpoint; transient failures are retried',
    keywords: ['http', 'rest', 'json', 'api', 'oauth'],
    groups: [{ id: 'input', label: 'Request' }, { id: 'authentication', label: 'Authentication' }, { id: 'behaviour', label: 'Timeout and errors' }],
    input: {
      type: 'object',
      required: ['method', 'url', 'authType', 'timeoutMs', 'clientErrors'],
      properties: {
        method: { type: 'string', title: 'Method', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], default: 'GET', 'x-template': { binding: 'header' } },
        url: { type: 'string', title: 'URL', format: 'uri', pattern: '^https?://', 'x-template': { secret: true } },
        headers: { type: 'object', title: 'Headers', additionalProperties: { type: 'string' }, 'x-template': { secret: true } },
        query: { type: 'object', title: 'Query parameters', additionalProperties: { type: ['string', 'number', 'boolean'] } },
        body: { title: 'Body (JSON)', description: 'Sent as JSON for POST, PUT and PATCH', 'x-template': { feel: 'required', multiline: true } },
        authType: {
          type: 'string', title: 'Authentication', enum: ['none', 'basic', 'bearer', 'oauth-client-credentials'], default: 'none',
          'x-template': { binding: 'header', group: 'authentication', choiceLabels: ['None', 'Basic', 'Bearer token', 'OAuth 2.0 client credentials'] },
        },
        username: { type: 'string', title: 'Username', 'x-template': { group: 'authentication', secret: true, condition: when('basic') } },
        password: { type: 'string', title: 'Password', 'x-template': { group: 'authentication', secret: true, condition: when('basic') } },
        bearerToken: { type: 'string', title: 'Bearer token', 'x-template': { group: 'authentication', secret: true, condition: when('bearer') } },
        oauthTokenUrl: { type: 'string', title: 'Token URL', format: 'uri', 'x-template': { binding: 'header', group: 'authentication', condition: when('oauth-client-credentials') } },
        oauthClientId: { type: 'string', title: 'Client id', 'x-template': { group: 'authentication', secret: true, condition: when('oauth-client-credentials') } },
        oauthClientSecret: { type: 'string', title: 'Client secret', 'x-template': { group: 'authentication', secret: true, condition: when('oauth-client-credentials') } },
        oauthScope: { type: 'string', title: 'Scope', 'x-template': { binding: 'header', group: 'authentication', condition: when('oauth-client-credentials') } },
        timeoutMs: { type: 'integer', title: 'Timeout (ms)', minimum: 1, maximum: 600_000, default: 30_000, 'x-template': { binding: 'header', group: 'behaviour' } },
        clientErrors: {
          type: 'string', title: 'On a 4xx answer', enum: ['incident', 'bpmnError'], default: 'incident',
          'x-template': { binding: 'header', group: 'behaviour', choiceLabels: ['Raise an incident', `Throw BPMN error ${HTTP_CLIENT_ERROR}`] },
        },
      },
      // `required` in each `if`: without it a missing authType (defaulted later by ajv) would match every branch.
      allOf: [
        { if: authIs('basic'), then: { required: ['username', 'password'] } },
        { if: authIs('bearer'), then: { required: ['bearerToken'] } },
        { if: authIs('oauth-client-credentials'), then: { required: ['oauthTokenUrl', 'oauthClientId', 'oauthClientSecret'] } },
      ],
    },
    output: { type: 'object', required: ['status', 'headers'], properties: { status: { type: 'integer' }, headers: { type: 'object' }, body: {} } },
    errors: [{ code: HTTP_CLIENT_ERROR, description: 'The server answered 4xx (when asked for); variables httpStatus and httpBody' }],
    resultVariable: 'response',
    timeoutMs: 120_000,
    ...(options.retryBackoff ? { retryBackoff: options.retryBackoff } : {}),
    async run(input, context) {
      const credentials = input.authType === 'oauth-client-credentials' ? clientCredentials(input) : undefined;
      const authorization = await authorizationHeader(input, credentials, tokens);
      const response = await send(input, authorization, AbortSignal.any([context.signal, AbortSignal.timeout(input.timeoutMs)]));
      const body = await readBody(response, maxResponseBytes);
      if (response.ok) return { status: response.status, headers: Object.fromEntries(response.headers), body };
      if (response.status === 401 && credentials) tokens.invalidate(credentials);
      if (response.status >= 500 || response.status === 429 || (response.status === 401 && credentials)) {
        throw new Error(`${input.method} ${redactUrl(input.url)} answered ${response.status}`);
      }
      const message = `${input.method} ${redactUrl(input.url)} answered ${response.status}${summary(body)}`;
      if (input.clientErrors === 'bpmnError') throw new ConnectorError(HTTP_CLIENT_ERROR, message, { httpStatus: response.status, httpBody: body ?? null });
      throw new PermanentFailure(message);
    },
  });
}

function clientCredentials(input: HttpInput): ClientCredentials {
  return { tokenUrl: input.oauthTokenUrl!, clientId: input.oauthClientId!, clientSecret: input.oauthClientSecret!, scope: input.oauthScope };
}

async function authorizationHeader(input: HttpInput, credentials: ClientCredentials | undefined, tokens: OAuthTokenCache): Promise<string | undefined> {
  switch (input.authType) {
    case 'basic':
      return `Basic ${Buffer.from(`${input.username}:${input.password}`).toString('base64')}`;
    case 'bearer':
      return `Bearer ${input.bearerToken}`;
    case 'oauth-client-credentials':
      return `Bearer ${await tokens.accessToken(credentials!)}`;
    default:
      return undefined;
  }
}

async function send(input: HttpInput, authorization: string | undefined, signal: AbortSignal): Promise<Response> {
  const url = new URL(input.url);
  for (const [name, value] of Object.entries(input.query ?? {})) url.searchParams.set(name, String(value));
  const headers = new Headers({ accept: 'application/json', ...input.headers });
  if (authorization) headers.set('authorization', authorization);
  const hasBody = input.body !== undefined && ['POST', 'PUT', 'PATCH'].includes(input.method);
  if (hasBody && !headers.has('content-type')) headers.set('content-type', 'application/json');
  try {
    return await fetch(url, { method: input.method, headers, body: hasBody ? JSON.stringify(input.body) : undefined, signal, redirect: 'follow' });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `timed out after ${input.timeoutMs} ms` : `failed: ${(error as Error).message}`;
    throw new Error(`${input.method} ${redactUrl(input.url)} ${reason}`);
  }
}

async function readBody(response: Response, maxBytes: number): Promise<unknown> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new PermanentFailure(`The answer is ${declared} bytes, more than the ${maxBytes} allowed`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new PermanentFailure(`The answer is ${bytes.byteLength} bytes, more than the ${maxBytes} allowed`);
  if (bytes.byteLength === 0) return undefined;
  const text = new TextDecoder().decode(bytes);
  if (!/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PermanentFailure(`The answer claims to be JSON but is not: ${text.slice(0, 100)}`);
  }
}

/** Query strings often carry keys; messages show the URL without them. */
function redactUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function summary(body: unknown): string {
  if (body === undefined) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}
