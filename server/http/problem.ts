/**
 * HTTP errors as `application/problem+json` (RFC 9457). Code throws an `HttpProblem`; `problemHandler` (the one error
 * middleware) turns it, body-parser failures and anything unexpected into a problem document. No stack traces leave.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

/** One invalid field: a JSON Pointer into the request body (or `#/query/x`, `#/path/x`) and what is wrong. */
export interface FieldError {
  pointer: string;
  detail: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Problem types are URNs: stable names a client can switch on, not documents to fetch. */
export const problemType = (slug: string) => `urn:amtsflow:problem:${slug}`;

export class HttpProblem extends Error {
  override name = 'HttpProblem';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors?: FieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(status: number, options: { type?: string; title?: string; detail?: string; errors?: FieldError[]; extensions?: Record<string, unknown> } = {}) {
    super(options.detail ?? options.title ?? TITLES[status] ?? `HTTP ${status}`);
    this.status = status;
    this.type = options.type ?? 'about:blank';
    this.title = options.title ?? TITLES[status] ?? `HTTP ${status}`;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
  }

  get detail(): string | undefined {
    return this.message === this.title ? undefined : this.message;
  }

  toDocument(instance?: string): ProblemDocument {
    return {
      ...this.extensions,
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(instance === undefined ? {} : { instance }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}

export const validationProblem = (errors: FieldError[], detail = 'The request is not valid.') =>
  new HttpProblem(400, { type: problemType('validation'), title: 'Invalid request', detail, errors });

export const notFound = (detail: string) => new HttpProblem(404, { detail });

export function sendProblem(res: Response, problem: HttpProblem, instance?: string): void {
  res.status(problem.status).type('application/problem+json').json(problem.toDocument(instance));
}

/** The last route: nothing matched. */
export const notFoundHandler: RequestHandler = (req) => {
  throw notFound(`There is no ${req.method} ${req.path}.`);
};

/** Errors from body-parser carry a status and a type such as `entity.too.large`. */
function fromBodyParser(error: { status?: unknown; type?: unknown; limit?: unknown }): HttpProblem | undefined {
  if (typeof error.type !== 'string' || typeof error.status !== 'number') return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpProblem(400, { type: problemType('malformed-body'), title: 'Malformed body', detail: 'The body is not valid JSON.' });
    case 'entity.too.large':
      return new HttpProblem(413, { detail: `The body is larger than the limit of ${String(error.limit)} bytes.` });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(415, { detail: 'The body must be UTF-8.' });
    default:
      return error.status >= 400 && error.status < 500 ? new HttpProblem(error.status, {}) : undefined;
  }
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    let problem = error instanceof HttpProblem ? error : fromBodyParser((error ?? {}) as object);
    if (problem === undefined) {
      logger.error({ err: error, method: req.method, path: req.path }, 'Request failed');
      problem = new HttpProblem(500, { detail: 'Something went wrong on our side; it has been logged.' });
    }
    sendProblem(res, problem, req.originalUrl.split('?')[0]);
  };
}
