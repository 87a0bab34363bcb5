/** Maps engine rejections to the gRPC status Zeebe answers with, worded as Zeebe words a rejected command. */
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { Rejection, type RejectionCode } from '../processing/commands/rejection.js';

const STATUS: Record<RejectionCode, grpc.status> = {
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  NOT_FOUND: grpc.status.NOT_FOUND,
  FAILED_PRECONDITION: grpc.status.FAILED_PRECONDITION,
  ALREADY_EXISTS: grpc.status.ALREADY_EXISTS,
  DEADLINE_EXCEEDED: grpc.status.DEADLINE_EXCEEDED,
};

export function toServiceError(error: unknown, intent: string, logger: Logger): Partial<grpc.ServiceError> {
  if (error instanceof Rejection) {
    return { code: STATUS[error.code], details: `Command '${intent}' rejected with code '${error.code}': ${error.message}` };
  }
  logger.error({ err: error, intent }, 'Unexpected error while handling a gateway request');
  return { code: grpc.status.INTERNAL, details: `Unexpected error while processing command '${intent}'` };
}

/** The same mapping for streaming calls, which end with an Error carrying the status. */
export function streamError(error: unknown, logger: Logger): Error {
  const status = toServiceError(error, 'ACTIVATE', logger);
  return Object.assign(new Error(status.details), status);
}
