/** A per-client-address limit of requests per minute, refused with a 429 problem (for a route's `before`). */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpProblem } from './problem.js';

export function perAddressRateLimit(limitPerMinute: number, detail: string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpProblem(429, { detail })),
  });
}
