/**
 * The HTTP endpoint for the provider's status notifications (node:http; express mounts it as is). A notification
 * must carry a valid HMAC-SHA256 signature of its raw body; even then it only names a transaction, whose status is
 * pulled from the provider. Answers: 204 done (or nothing to do), 400 bad body, 401 bad signature, 404 unknown
 * transaction, 503 provider unreachable. The provider is expected to retry on anything but 2xx.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { MessagePublisher } from '../../sdk/index.js';
import type { PaymentService } from './payment-service.js';
import { PaymentProviderError } from './xbezahldienste-client.js';
import { SIGNATURE_HEADER, type PaymentNotification } from './xbezahldienste-protocol.js';

export interface NotificationHandlerOptions {
  service: PaymentService;
  /** Where the payment message goes: `zeebeMessagePublisher(zbc)` of the server's zeebe-node client. */
  publisher: MessagePublisher;
  /** The secret shared with the provider for the HMAC. */
  secret: string;
  logger: Logger;
  maxBodyBytes?: number;
}

export function signNotification(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function paymentNotificationHandler(options: NotificationHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  return (request, response) => {
    const answer = (status: number, detail?: string) => {
      if (detail) response.writeHead(status, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status, title: detail }));
      else response.writeHead(status).end();
    };
    if (request.method !== 'POST') return answer(405, 'Only POST');
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      handle(body, request.headers[SIGNATURE_HEADER]).then(([status, detail]) => answer(status, detail), (error: Error) => {
        options.logger.error({ err: error }, 'Payment notification failed');
        answer(500, 'Internal error');
      });
    });
  };

  async function handle(body: Buffer, signature: string | string[] | undefined): Promise<[number, string?]> {
    if (typeof signature !== 'string' || !signatureMatches(body, signature, options.secret)) {
      options.logger.warn('Payment notification with a missing or wrong signature refused');
      return [401, 'Bad signature'];
    }
    let notification: PaymentNotification;
    try {
      notification = JSON.parse(body.toString('utf8')) as PaymentNotification;
    } catch {
      return [400, 'The body is not JSON'];
    }
    if (typeof notification.transactionId !== 'string' || notification.transactionId === '') return [400, 'transactionId is missing'];
    try {
      const outcome = await options.service.refreshAndCorrelate(notification.transactionId, options.publisher);
      if (outcome === 'unknown-transaction') return [404, 'Unknown transaction'];
      return [204];
    } catch (error) {
      if (error instanceof PaymentProviderError) return [503, 'The payment status could not be checked'];
      throw error;
    }
  }
}

function signatureMatches(body: Buffer, signature: string, secret: string): boolean {
  const expected = Buffer.from(signNotification(body, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
