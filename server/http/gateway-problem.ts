/**
 * A failed zeebe-node call as an HTTP problem. Zeebe answers a command it refuses with a gRPC status: what it names
 * (NOT_FOUND, FAILED_PRECONDITION, INVALID_ARGUMENT) is the caller's to fix (404, 409, 400); anything else means the
 * gateway is down (503), too slow (504) or answered something unexpected (502).
 */
import { HttpProblem, problemType } from './problem.js';

/** What zeebe-node rejects with: a grpc-js ServiceError (`code`, `details`), or a plain Error of its own. */
export interface GatewayError {
  code?: number;
  details?: string;
  message?: string;
}

const GRPC = { INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, RESOURCE_EXHAUSTED: 8, FAILED_PRECONDITION: 9, UNAVAILABLE: 14 } as const;

const REFUSALS: Record<number, { status: number; slug: string }> = {
  [GRPC.INVALID_ARGUMENT]: { status: 400, slug: 'gateway-rejected' },
  [GRPC.NOT_FOUND]: { status: 404, slug: 'gateway-not-found' },
  [GRPC.FAILED_PRECONDITION]: { status: 409, slug: 'gateway-precondition-failed' },
};

/** `title` says what did not happen ("The instance was not canceled"); the engine's message becomes the detail. */
export function gatewayProblem(error: unknown, title: string, extensions: Record<string, unknown> = {}): HttpProblem {
  const { code, details, message } = (error ?? {}) as GatewayError;
  const detail = details || message || 'The gateway gave no reason.';
  const refusal = code === undefined ? undefined : REFUSALS[code];
  if (refusal) return new HttpProblem(refusal.status, { type: problemType(refusal.slug), title, detail, extensions });
  const status = code === GRPC.UNAVAILABLE || code === GRPC.RESOURCE_EXHAUSTED ? 503 : code === GRPC.DEADLINE_EXCEEDED ? 504 : 502;
  return new HttpProblem(status, { type: problemType('gateway-failed'), title, detail, extensions });
}

/** Whether the gateway refused the call because what it names does not exist (any more). */
export const isNotFound = (error: unknown) => (error as GatewayError | undefined)?.code === GRPC.NOT_FOUND;
