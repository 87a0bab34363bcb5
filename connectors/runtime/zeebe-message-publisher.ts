/**
 * Publishes messages through a zeebe-node client: the runtime gives one to every job's context, and code outside a
 * job (the payment notification endpoint) makes its own from the client it has.
 */
import type { ZBClient } from 'zeebe-node';
import type { MessagePublisher } from '../sdk/messages.js';

/** gRPC status the gateway answers when a message with the same id is still buffered. */
const ALREADY_EXISTS = 6;

export function zeebeMessagePublisher(zbc: Pick<ZBClient, 'publishMessage'>): MessagePublisher {
  return {
    async publishMessage({ name, correlationKey, variables = {}, timeToLiveMs = 0, messageId }) {
      try {
        const { key } = await zbc.publishMessage({ name, correlationKey, variables, timeToLive: timeToLiveMs, ...(messageId !== undefined && { messageId }) });
        return { outcome: 'published', messageKey: String(key) };
      } catch (error) {
        if ((error as { code?: unknown }).code === ALREADY_EXISTS) return { outcome: 'duplicate' };
        throw error;
      }
    },
  };
}
