/**
 * Every HTTP route of the server is declared once, here, with what it needs (access, body, query, path parameters,
 * responses) and its handler. From the declaration the route gets its guard, body parser and input validation, and
 * the OpenAPI document gets its operation, so the document cannot drift from the routes.
 */
import express, { type Request, type RequestHandler, type Response } from 'express';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { staffGuard } from '../identity/authorization.js';
import type { Role } from '../identity/roles.js';
import { HttpProblem, validationProblem, type FieldError } from './problem.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type JsonSchema = Record<string, unknown>;

/**
 * Who may call a route. `public`: anyone, citizens included. `signed-in`: any staff session, even one whose password
 * must be changed first. `staff`: any staff user. A list of roles: staff holding one of them.
 */
export type Access = 'public' | 'signed-in' | 'staff' | readonly Role[];

export interface ResponseSpec {
  description: string;
  /** `application/json` unless given; `schema` describes the body. */
  contentType?: string;
  schema?: JsonSchema;
}

export type RequestBodySpec =
  | { json: JsonSchema; maxBytes?: number }
  /** Parsed by the handler (see `multipart.ts`); the schema only documents the parts. */
  | { multipart: JsonSchema; maxBytes: number }
  /** Either: JSON (checked against `json`, at most the JSON limit) or a multipart body of at most `maxBytes`. */
  | { json: JsonSchema; multipart: JsonSchema; maxBytes: number }
  /** The bytes of a body of one of these media types (a Buffer for the handler), or a multipart body if declared; at most `maxBytes`. */
  | { bytes: readonly string[]; multipart?: JsonSchema; maxBytes: number };

export interface ValidInput {
  body: unknown;
  query: Record<string, unknown>;
  params: Record<string, string>;
}

export interface ApiRoute {
  method: HttpMethod;
  /** Express path syntax: `/api/admin/users/:userId`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /** Runs before authentication and body parsing: rate limits. */
  before?: RequestHandler[];
  /** More authorization after the access check, such as `requireDepartment(...)`; before the body is read. */
  guards?: RequestHandler[];
  /** Path parameters, by name; strings, checked against their schema. */
  params?: Record<string, JsonSchema>;
  /** An object schema of the query parameters; values are coerced from strings to the declared types. */
  query?: JsonSchema;
  body?: RequestBodySpec;
  responses: Record<number, ResponseSpec>;
  handler: (req: Request, res: Response, input: ValidInput) => unknown;
}

export interface ApiRoutesOptions {
  /** The default JSON body limit, in bytes. */
  maxJsonBytes: number;
}

const PROBLEM_RESPONSE_CODES = { 400: 'Invalid request', 401: 'Not signed in', 403: 'Not allowed', 404: 'Not found', 413: 'Body too large', 415: 'Wrong content type', 429: 'Too many requests' } as const;

export class ApiRoutes {
  /** Mount this on the app; every route is registered on it with its full path. */
  readonly router = express.Router();
  private readonly declared: ApiRoute[] = [];
  private readonly ajv = new Ajv2020({ allErrors: true, coerceTypes: false, strict: false });
  private readonly queryAjv = new Ajv2020({ allErrors: true, coerceTypes: true, useDefaults: true, strict: false });

  constructor(private readonly options: ApiRoutesOptions) {
    addFormatsPlugin.default(this.ajv);
    addFormatsPlugin.default(this.queryAjv);
  }

  get routes(): readonly ApiRoute[] {
    return this.declared;
  }

  add(route: ApiRoute): void {
    const key = `${route.method} ${route.path}`;
    if (this.declared.some((known) => `${known.method} ${known.path}` === key)) throw new Error(`Route ${key} is declared twice`);
    if (this.declared.some((known) => known.operationId === route.operationId)) throw new Error(`operationId ${route.operationId} is used twice`);
    this.declared.push(route);
    const handlers: RequestHandler[] = [...(route.before ?? [])];
    if (route.access !== 'public') handlers.push(guardFor(route.access));
    handlers.push(...(route.guards ?? []));
    if (route.body) handlers.push(...this.bodyParsers(route.body));
    handlers.push(this.inputValidator(route), async (req, res) => {
      await route.handler(req, res, res.locals.input as ValidInput);
    });
    this.router[route.method](route.path, ...handlers);
  }

  private bodyParsers(body: RequestBodySpec): RequestHandler[] {
    const bytes = 'bytes' in body ? body.bytes : [];
    const types = [...('json' in body ? ['application/json'] : []), ...('multipart' in body ? ['multipart/form-data'] : []), ...bytes];
    const requireType: RequestHandler = (req, _res, next) => {
      if (!req.is(types)) throw new HttpProblem(415, { detail: `The body must be ${types.join(' or ')}.` });
      next();
    };
    const jsonLimit = 'multipart' in body ? this.options.maxJsonBytes : body.maxBytes ?? this.options.maxJsonBytes;
    const parsers: RequestHandler[] = [];
    if ('json' in body) parsers.push(express.json({ limit: jsonLimit, type: 'application/json', strict: true }));
    if ('multipart' in body || bytes.length > 0) parsers.push(express.raw({ limit: body.maxBytes, type: [...('multipart' in body ? ['multipart/form-data'] : []), ...bytes] }));
    return [requireType, ...parsers];
  }

  private inputValidator(route: ApiRoute): RequestHandler {
    const checkParams = route.params && this.ajv.compile({ type: 'object', properties: route.params, required: Object.keys(route.params) });
    const checkQuery = route.query && this.queryAjv.compile(route.query);
    const jsonBody = route.body && 'json' in route.body ? this.ajv.compile(route.body.json) : undefined;
    return (req, res, next) => {
      const params = { ...req.params } as Record<string, string>;
      // A copy: express 5's req.query is a getter, and coercion writes into the object it checks.
      const query = structuredClone(req.query ?? {}) as Record<string, unknown>;
      const withNul = [...nulCharacters(params, '#/path'), ...nulCharacters(query, '#/query')];
      if (withNul.length > 0) throw validationProblem(withNul);
      const errors = [
        ...check(checkParams, params, '#/path'),
        ...check(checkQuery, query, '#/query'),
        ...check(Buffer.isBuffer(req.body) ? undefined : jsonBody, req.body, ''),
      ];
      if (errors.length > 0) throw validationProblem(errors);
      res.locals.input = { body: req.body, query, params } satisfies ValidInput;
      next();
    };
  }
}

function guardFor(access: Exclude<Access, 'public'>): RequestHandler {
  if (access === 'signed-in') return staffGuard([], { allowPendingPasswordChange: true });
  if (access === 'staff') return staffGuard([], {});
  return staffGuard(access, {});
}

/**
 * Path and query values with a NUL character, for every route alike: PostgreSQL text cannot hold or compare one, so
 * such a value would reach the database only to fail there as a server error.
 */
function nulCharacters(values: Record<string, unknown>, prefix: string): FieldError[] {
  return Object.entries(values)
    .filter(([, value]) => [value].flat().some((each) => typeof each === 'string' && each.includes('\u0000')))
    .map(([name]) => ({ pointer: `${prefix}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`, detail: 'must not contain a NUL character' }));
}

function check(validate: ValidateFunction | undefined, value: unknown, prefix: string): FieldError[] {
  if (!validate || validate(value)) return [];
  return (validate.errors ?? []).slice(0, 20).map((error) => toFieldError(error, prefix));
}

function toFieldError(error: ErrorObject, prefix: string): FieldError {
  let pointer = `${prefix}${error.instancePath}`;
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const child = params.missingProperty ?? params.additionalProperty;
  if (child !== undefined) pointer += `/${child.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  const detail = params.additionalProperty !== undefined ? 'is not a known field' : (error.message ?? 'is not valid');
  return { pointer: pointer === '' ? '/' : pointer, detail };
}

/** The problem responses a route can give, from what it declares. */
export function problemResponsesOf(route: ApiRoute): Record<number, string> {
  const codes: Record<number, string> = {};
  if (route.body || route.query || route.params) codes[400] = PROBLEM_RESPONSE_CODES[400];
  if (route.access !== 'public') {
    codes[401] = PROBLEM_RESPONSE_CODES[401];
    codes[403] = PROBLEM_RESPONSE_CODES[403];
  }
  if (route.body) {
    codes[413] = PROBLEM_RESPONSE_CODES[413];
    codes[415] = PROBLEM_RESPONSE_CODES[415];
  }
  if (route.before?.length) codes[429] = PROBLEM_RESPONSE_CODES[429];
  return codes;
}
