/** Wraps async handlers into grpc-js callbacks with Zeebe's error mapping. */
import type * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { toServiceError } from './grpc-errors.js';

export type GatewayRequest = Record<string, any>;

export function unary(intent: string, logger: Logger, handle: (request: GatewayRequest) => Promise<object>): grpc.handleUnaryCall<GatewayRequest, object> {
  return (call, callback) => {
    handle(call.request).then(
      (response) => callback(null, response),
      (error: unknown) => callback(toServiceError(error, intent, logger)),
    );
  };
}

export const TENANT_ID = '<default>';
