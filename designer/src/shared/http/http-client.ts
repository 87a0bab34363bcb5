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

export interface UploadOptions {
  /** More request headers, such as an `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** How much of the body has been sent, from 0 to 1. */
  onProgress?: (fraction: number) => void;
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
    const headers = this.headersFor(method);
    let body: BodyInit | undefined;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) {
      body = form; // the browser sets the multipart boundary
    }
    const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
    if (!response.ok) throw await this.problemOf(response);
    if (read === 'none' || response.status === 204) return undefined as T;
    return (read === 'text' ? await response.text() : await response.json()) as T;
  }

  /**
   * POSTs a multipart body and answers its JSON, reporting how much of the body was sent (`onProgress`, 0 to 1): fetch
   * cannot tell, so this one request goes through XMLHttpRequest, with the same headers and problems as `request`.
   */
  upload<T>(path: string, form: FormData, { headers = {}, onProgress }: UploadOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      for (const [name, value] of Object.entries({ ...this.headersFor('POST'), ...headers })) xhr.setRequestHeader(name, value);
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      });
      xhr.addEventListener('load', () => {
        const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
          status: xhr.status, headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
        });
        if (response.ok) resolve(response.json() as Promise<T>);
        else this.problemOf(response).then(reject, reject);
      });
      xhr.addEventListener('error', () => reject(new TypeError('The upload failed: no answer from the server.')));
      xhr.send(form);
    });
  }

  private headersFor(method: NonNullable<RequestOptions['method']>): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    if (this.language) headers['Accept-Language'] = this.language;
    return headers;
  }

  private async problemOf(response: Response) {
    const problem = await problemOf(response);
    if (response.status === 401) for (const listener of this.unauthorizedListeners) listener();
    return problem;
  }
}

/** The app's one client: the CSRF token it holds belongs to the one session a browser tab has. */
export const http = new HttpClient();
