/**
 * The one way the apps talk to the server: same-origin fetch with the session cookie, the session's CSRF token on
 * every state-changing request, JSON in and out, and problem+json answers thrown as `ApiProblem`. Each area of an
 * app has its own small API module on top of it (auth-api.ts, deployments-api.ts, ...).
 */
import { problemOf } from './api-problem.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  json?: unknown;
  form?: FormData;
  /** What to read from a successful answer; JSON by default, nothing for 204. */
  read?: 'json' | 'text' | 'none';
}

type UnauthorizedListener = () => void;

export class HttpClient {
  private csrfToken: string | undefined;
  private language: string | undefined;
  private readonly unauthorizedListeners = new Set<UnauthorizedListener>();

  setCsrfToken(token: string | undefined) {
    this.csrfToken = token;
  }

  /** The language the app shows, so that the server's messages (field errors) come in it, not in the browser's. */
  setLanguage(language: string) {
    this.language = language;
  }

  /** Called when the server answers 401: the session ended (timed out, signed out elsewhere). */
  onUnauthorized(listener: UnauthorizedListener): () => void {
    this.unauthorizedListeners.add(listener);
    return () => this.unauthorizedListeners.delete(listener);
  }

  async request<T>(path: string, { method = 'GET', json, form, read = 'json' }: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    if (this.language) headers['Accept-Language'] = this.language;
    let body: BodyInit | undefined;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) {
      body = form; // the browser sets the multipart boundary
    }
    const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
    if (!response.ok) {
      const problem = await problemOf(response);
      if (response.status === 401) for (const listener of this.unauthorizedListeners) listener();
      throw problem;
    }
    if (read === 'none' || response.status === 204) return undefined as T;
    return (read === 'text' ? await response.text() : await response.json()) as T;
  }
}

/** The app's one client: the CSRF token it holds belongs to the one session a browser tab has. */
export const http = new HttpClient();
