/** An XBezahldienste client over fetch: OAuth2 client credentials (token cached until shortly before it expires). */
import {
  type PaymentRequest, type PaymentTransaction,
} from './xbezahldienste-protocol.js';

export interface XBezahldiensteConfig {
  /** The API root, e.g. `https://payment.example.de/api/xbezahldienste` (token and transaction paths go below it). */
  baseUrl: string;
  originatorId: string;
  /** The default endpoint (Bewirtschafter); a payment may name another. */
  endPointId: string;
  clientId: string;
  clientSecret: string;
  /** Per HTTP call. Default 15 s. */
  requestTimeoutMs?: number;
}

/** A failed call to the provider; `permanent` when retrying the same request cannot help (a 4xx answer). */
export class PaymentProviderError extends Error {
  override name = 'PaymentProviderError';

  constructor(message: string, readonly permanent: boolean, readonly status?: number) {
    super(message);
  }
}

interface Token {
  value: string;
  expiresAt: number;
}

export class XBezahldiensteClient {
  private token: Token | undefined;

  constructor(private readonly config: XBezahldiensteConfig, private readonly fetchImpl: typeof fetch = fetch) {}

  get defaultEndPointId(): string {
    return this.config.endPointId;
  }

  createPaymentTransaction(request: PaymentRequest, endPointId = this.config.endPointId): Promise<PaymentTransaction> {
    return this.call('POST', this.transactionsPath(endPointId), request);
  }

  getPaymentTransaction(transactionId: string, endPointId = this.config.endPointId): Promise<PaymentTransaction> {
    return this.call('GET', `${this.transactionsPath(endPointId)}/${encodeURIComponent(transactionId)}`);
  }

  private transactionsPath(endPointId: string): string {
    return `/paymenttransaction/${encodeURIComponent(this.config.originatorId)}/${encodeURIComponent(endPointId)}`;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, retriedWithNewToken = false): Promise<T> {
    const token = await this.accessToken();
    const response = await this.send(`${this.config.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (response.status === 401 && !retriedWithNewToken) {
      this.token = undefined;
      return this.call(method, path, body, true);
    }
    if (!response.ok) throw await providerError(`${method} ${path}`, response);
    return (await response.json()) as T;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const credentials = Buffer.from(`${encodeURIComponent(this.config.clientId)}:${encodeURIComponent(this.config.clientSecret)}`).toString('base64');
    const response = await this.send(`${this.config.baseUrl}/auth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${credentials}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
    });
    if (!response.ok) throw await providerError('token request', response);
    const { access_token: value, expires_in: expiresIn } = (await response.json()) as { access_token: string; expires_in?: number };
    // Renew half a minute early, so a token never runs out between our check and the provider's.
    this.token = { value, expiresAt: Date.now() + Math.max(0, (expiresIn ?? 300) - 30) * 1000 };
    return value;
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(this.config.requestTimeoutMs ?? 15_000) });
    } catch (error) {
      throw new PaymentProviderError(`The payment provider could not be reached (${init.method} ${new URL(url).pathname}): ${(error as Error).message}`, false);
    }
  }
}

async function providerError(what: string, response: Response): Promise<PaymentProviderError> {
  const text = await response.text().catch(() => '');
  let detail = text.slice(0, 500);
  try {
    const problem = JSON.parse(text) as { title?: string; detail?: string; error?: string };
    detail = [problem.title, problem.detail, problem.error].filter(Boolean).join(': ') || detail;
  } catch {
    // not JSON: keep the text
  }
  // 408 and 429 ask to try again later; other 4xx answers will not change by retrying the same request.
  const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  return new PaymentProviderError(`The payment provider refused the ${what} with ${response.status}${detail ? `: ${detail}` : ''}`, permanent, response.status);
}
