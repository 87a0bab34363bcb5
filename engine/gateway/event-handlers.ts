/** Gateway RPCs that deliver events into the engine: messages and signals. */
import type { Logger } from 'pino';
import type { Engine } from '../engine.js';
import { TENANT_ID, unary } from './handler-kit.js';
import { readMillis, readVariables } from './request-values.js';

export function eventHandlers(engine: Engine, logger: Logger) {
  return {
    PublishMessage: unary('PUBLISH', logger, async (request) => {
      const key = await engine.publishMessage({
        name: request.name ?? '',
        correlationKey: request.correlationKey ?? '',
        timeToLive: readMillis(request.timeToLive),
        messageId: request.messageId ?? '',
        variables: readVariables(request.variables),
      });
      return { key: String(key), tenantId: TENANT_ID };
    }),
    BroadcastSignal: unary('BROADCAST', logger, async (request) => {
      const key = await engine.broadcastSignal(request.signalName ?? '', readVariables(request.variables));
      return { key: String(key) };
    }),
  };
}
