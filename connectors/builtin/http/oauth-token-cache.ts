/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): fetches an access token from the token endpoint and keeps it until
 * shortly before it expires, one token per endpoint, client and scope. Concurrent jobs share one token request.
 */
import { createHash } from 'node:crypto';
import { PermanentFailure } from '../../sdk/connector-error.js';

export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

interface CachedToken {
  accessToken: string;
  /** Epoch ms after which the token is fetched again. */
  renewAt: number;
}

/** A token is renewed this long before the server says it expires, so a request never carries an expiring one. */
const EXPIRY_MARGIN_MS = 30_000;
/** When the token endpoint does not say how long a token lives. */
const DEFAULT_LIFETIME_MS = 300_000;

export class OAuthTokenCache {
  private readonly tokens = new Map<string, Promise<CachedToken>>();

  constructor(private readonly now: () => number = Date.now, private readonly timeoutMs = 30_000) {}

  async accessToken(credentials: ClientCredentials): Promise<string> {
    const key = cacheKey(credentials);
    const cached = this.tokens.get(key);
    if (cached) {
      const token = await cached.catch(() => undefined);
      if (token && token.renewAt > this.now()) return token.accessToken;
      if (this.tokens.get(key) !== cached) return this.accessToken(credentials);
    }
    const request = this.fetchToken(credentials);
    this.tokens.set(key, request);
    request.catch(() => this.tokens.get(key) === request && this.tokens.delete(key));
    return (await request).accessToken;
  }

  /** Forgets the token, e.g. after the API answered 401 to it. */
  invalidate(credentials: ClientCredentials): void {
    this.tokens.delete(cacheKey(credentials));
  }

  private async fetchToken(credentials: ClientCredentials): Promise<CachedToken> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (credentials.scope) form.set('scope', credentials.scope);
    // RFC 6749 §2.3.1: HTTP Basic with the form-encoded client id and secret, which every server must accept.
    const basic = Buffer.from(`${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`).toString('base64');
    const response = await fetch(credentials.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (response.status >= 400 && response.status < 500) {
      throw new PermanentFailure(`The token endpoint refused the client credentials: ${response.status} ${oauthError(text)}`);
    }
    if (!response.ok) throw new Error(`The token endpoint answered ${response.status}`);
    const body = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new PermanentFailure('The token endpoint answered without an access_token');
    const lifetimeMs = typeof body.expires_in === 'number' ? body.expires_in * 1000 : DEFAULT_LIFETIME_MS;
    return { accessToken: body.access_token, renewAt: this.now() + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS) };
  }
}

function cacheKey(credentials: ClientCredentials): string {
  const secretHash = createHash('sha256').update(credentials.clientSecret).digest('hex');
  return JSON.stringify([credentials.tokenUrl, credentials.clientId, credentials.scope ?? '', secretHash]);
}

function oauthError(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: string; error_description?: string };
    return [body.error, body.error_description].filter(Boolean).join(': ');
  } catch {
    return '';
  }
}
