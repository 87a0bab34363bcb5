/**
 * A stand-in for an XBezahldienste payment provider (the one third party that cannot run here), speaking the
 * protocol over real HTTP: OAuth2 client credentials at `/auth/token`, `POST /paymenttransaction/{originatorId}/{endPointId}`
 * (idempotent per requestId), `GET .../{transactionId}`, and a paypage at `transactionRedirectUrl` where a test plays
 * the citizen (GET shows the form, POST `action=pay|cancel|fail` decides and redirects to `redirectUrl`).
 * After a decision it sends the signed status notification amtsflow documents (see xbezahldienste-protocol.ts).
 * Switches let a test lose notifications or the answer to a create call, to prove the connector heals both.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInStatus = 'INITIAL' | 'PAYED' | 'CANCELED' | 'FAILED';

export interface StandInProviderOptions {
  originatorId: string;
  endPointIds: string[];
  clientId: string;
  clientSecret: string;
  /** Where status notifications go (amtsflow's extension); none are sent without it. */
  notificationUrl?: string;
  notificationSecret?: string;
}

export interface StandInTransaction {
  originatorId: string;
  endPointId: string;
  paymentRequest: Record<string, unknown> & { requestId: string; grosAmount: number; purpose: string; redirectUrl: string };
  transactionId: string;
  status: StandInStatus;
  paymentMethod?: string;
  createdAt: string;
}

export interface StandInProvider {
  url: string;
  /** Every transaction, in creation order. */
  transactions(): StandInTransaction[];
  /** How many create calls arrived (including repeated ones). */
  readonly createCalls: number;
  /** Notifications are decided but never sent while this is true (a lost callback). */
  loseNotifications: boolean;
  /** The next create call creates its transaction but the connection is cut before the answer. */
  dropNextCreateAnswer(): void;
  /** Resolves when every notification sent so far has been answered. */
  notificationsDelivered(): Promise<void>;
  /** The PSP's timeout: every INITIAL transaction becomes FAILED (no notification, as for a silent timeout). */
  expireOpenTransactions(): void;
  close(): Promise<void>;
}

const PURPOSE = /^[A-Za-z0-9_\s-]{1,27}$/;

export async function startStandInProvider(options: StandInProviderOptions): Promise<StandInProvider> {
  const transactions = new Map<string, StandInTransaction>();
  const tokens = new Set<string>();
  const pendingNotifications = new Set<Promise<void>>();
  let createCalls = 0;
  let dropNextCreateAnswer = false;
  let baseUrl = '';

  const provider: StandInProvider = {
    get url() {
      return baseUrl;
    },
    transactions: () => [...transactions.values()],
    get createCalls() {
      return createCalls;
    },
    loseNotifications: false,
    dropNextCreateAnswer() {
      dropNextCreateAnswer = true;
    },
    async notificationsDelivered() {
      await Promise.all([...pendingNotifications]);
    },
    expireOpenTransactions() {
      for (const transaction of transactions.values()) if (transaction.status === 'INITIAL') transaction.status = 'FAILED';
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };

  const server: Server = createServer((request, response) => {
    route(request, response).catch((error: Error) => json(response, 500, { title: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return provider;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', baseUrl);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const body = await readBody(request);
    if (request.method === 'POST' && url.pathname === '/auth/token') return token(request, body, response);
    if (parts[0] === 'paypage' && parts.length === 2) return paypage(request, parts[1], body, response);
    if (parts[0] !== 'paymenttransaction' || parts.length < 3) return problem(response, 404, 'Not found');
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) return problem(response, 401, 'Invalid or missing access token');
    const [, originatorId, endPointId, transactionId] = parts;
    if (originatorId !== options.originatorId || !options.endPointIds.includes(endPointId)) return problem(response, 404, 'Unknown originator or endpoint');
    if (request.method === 'POST' && parts.length === 3) return create(originatorId, endPointId, body, response);
    if (request.method === 'GET' && parts.length === 4) {
      const transaction = transactions.get(transactionId);
      if (!transaction || transaction.endPointId !== endPointId) return problem(response, 404, 'Unknown transaction');
      return json(response, 200, view(transaction));
    }
    return problem(response, 405, 'Method not allowed');
  }

  function token(request: IncomingMessage, body: string, response: ServerResponse): void {
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const [id, secret] = basic ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent) : [];
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') return json(response, 400, { error: 'unsupported_grant_type' });
    if (id !== options.clientId || secret !== options.clientSecret) return json(response, 401, { error: 'invalid_client' });
    const value = randomBytes(24).toString('hex');
    tokens.add(value);
    json(response, 200, { access_token: value, token_type: 'Bearer', expires_in: 300 });
  }

  function create(originatorId: string, endPointId: string, body: string, response: ServerResponse): void {
    createCalls += 1;
    let request: StandInTransaction['paymentRequest'];
    try {
      request = JSON.parse(body) as StandInTransaction['paymentRequest'];
    } catch {
      return problem(response, 400, 'The body is not JSON');
    }
    const invalid = validationProblem(request);
    if (invalid) return problem(response, 400, invalid);
    const earlier = [...transactions.values()].find((t) => t.paymentRequest.requestId === request.requestId && t.endPointId === endPointId);
    let transaction = earlier;
    if (earlier) {
      const { requestTimestamp: _a, ...before } = earlier.paymentRequest;
      const { requestTimestamp: _b, ...now } = request;
      if (JSON.stringify(before) !== JSON.stringify(now)) return problem(response, 409, `requestId ${request.requestId} was used for another payment`);
    } else {
      transaction = { originatorId, endPointId, paymentRequest: request, transactionId: randomUUID(), status: 'INITIAL', createdAt: new Date().toISOString() };
      transactions.set(transaction.transactionId, transaction);
    }
    if (dropNextCreateAnswer) {
      dropNextCreateAnswer = false;
      response.socket?.destroy();
      return;
    }
    json(response, 200, view(transaction!));
  }

  function validationProblem(request: StandInTransaction['paymentRequest']): string | undefined {
    const items = request.items as { grosAmount: number }[] | undefined;
    if (typeof request.requestId !== 'string' || request.requestId.length === 0 || request.requestId.length > 36) return 'requestId must have 1-36 characters';
    if (request.currency !== 'EUR') return 'currency must be EUR';
    if (typeof request.grosAmount !== 'number' || !(request.grosAmount > 0) || Math.round(request.grosAmount * 100) / 100 !== request.grosAmount) return 'grosAmount must be positive with at most two decimals';
    if (typeof request.purpose !== 'string' || !PURPOSE.test(request.purpose)) return 'purpose must be 1-27 characters of letters, digits, blanks, - and _';
    if (typeof request.description !== 'string' || request.description.length > 250) return 'description must have at most 250 characters';
    try {
      new URL(request.redirectUrl);
    } catch {
      return 'redirectUrl must be a URL';
    }
    if (!Array.isArray(items) || items.length < 1 || items.length > 99) return 'items must have 1-99 entries';
    const itemCents = items.reduce((sum, item) => sum + Math.round(item.grosAmount * 100), 0);
    if (itemCents !== Math.round(request.grosAmount * 100)) return 'the items do not add up to grosAmount';
    return undefined;
  }

  function view(transaction: StandInTransaction) {
    const transactionUrl = `${baseUrl}/paymenttransaction/${transaction.originatorId}/${transaction.endPointId}/${transaction.transactionId}`;
    return {
      paymentRequest: transaction.paymentRequest,
      paymentInformation: {
        transactionId: transaction.transactionId,
        transactionUrl,
        transactionRedirectUrl: `${baseUrl}/paypage/${transaction.transactionId}`,
        transactionTimestamp: transaction.createdAt,
        status: transaction.status,
        ...(transaction.paymentMethod && { paymentMethod: transaction.paymentMethod }),
      },
    };
  }

  function paypage(request: IncomingMessage, transactionId: string, body: string, response: ServerResponse): void {
    const transaction = transactions.get(transactionId);
    if (!transaction) return problem(response, 404, 'Unknown transaction');
    if (request.method === 'GET') {
      const amount = transaction.paymentRequest.grosAmount.toFixed(2).replace('.', ',');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="de"><title>Bezahlen</title>
<form method="post" action="/paypage/${transactionId}"><p>${amount} EUR für ${transaction.paymentRequest.purpose}</p>
<button name="action" value="pay">Bezahlen</button><button name="action" value="cancel">Abbrechen</button></form></html>`);
      return;
    }
    const action = new URLSearchParams(body).get('action');
    const outcome = ({ pay: 'PAYED', cancel: 'CANCELED', fail: 'FAILED' } as const)[action as 'pay' | 'cancel' | 'fail'];
    if (!outcome) return problem(response, 400, 'action must be pay, cancel or fail');
    if (transaction.status === 'INITIAL') {
      transaction.status = outcome;
      if (outcome === 'PAYED') transaction.paymentMethod = 'GIROPAY';
      notify(transaction);
    }
    response.writeHead(303, { location: transaction.paymentRequest.redirectUrl }).end();
  }

  function notify(transaction: StandInTransaction): void {
    if (!options.notificationUrl || !options.notificationSecret || provider.loseNotifications) return;
    const body = JSON.stringify({ transactionId: transaction.transactionId, status: transaction.status });
    const signature = `sha256=${createHmac('sha256', options.notificationSecret).update(body).digest('hex')}`;
    const delivery = fetch(options.notificationUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-payment-signature': signature }, body })
      .then((answer) => answer.arrayBuffer()).then(() => undefined, () => undefined);
    pendingNotifications.add(delivery);
    void delivery.finally(() => pendingNotifications.delete(delivery));
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function problem(response: ServerResponse, status: number, title: string): void {
  response.writeHead(status, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', status, title }));
}
