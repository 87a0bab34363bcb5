/**
 * Payment as connectors. `amtsflow:payment-create:1` creates the transaction (once per element instance) and returns
 * the URL to send the citizen to; the process then waits at a message catch event (name: the task's `messageName`,
 * correlation key: `=payment.transactionId`). `amtsflow:payment-status:1` pulls one transaction's status (after the
 * citizen came back); `amtsflow:payment-reconcile:1` (from a timer-started process) heals lost notifications. The
 * payment message is published through the job's context, on the runtime's own gateway connection.
 */
import { defineConnector, PermanentFailure, type Connector } from '../../sdk/index.js';
import { PaymentRequestError, type CorrelationOutcome, type CreatedPayment, type PaymentService, type ReconciliationSummary } from './payment-service.js';
import { PaymentProviderError } from './xbezahldienste-client.js';
import type { PaymentStatus } from './xbezahldienste-protocol.js';

export interface CreatePaymentInput {
  kassenzeichen: string;
  amountCents: number;
  description: string;
  redirectUrl: string;
  purpose?: string;
  messageName: string;
  endPointId?: string;
  items?: { description: string; amountCents: number; quantity?: number; reference?: string }[];
}

export interface PaymentStatusInput {
  transactionId: string;
}

export interface PaymentStatusOutput {
  outcome: CorrelationOutcome;
  status?: PaymentStatus;
}

export interface ReconcileInput {
  olderThanMinutes: number;
  limit: number;
}

/** Provider refusals (4xx) and bad requests are permanent: an incident names them; anything else is retried. */
function permanentIfRefused(error: unknown): never {
  if (error instanceof PaymentRequestError || (error instanceof PaymentProviderError && error.permanent)) throw new PermanentFailure((error as Error).message);
  throw error;
}

export function paymentConnectors(service: PaymentService): Connector<never, unknown>[] {
  const createPayment = defineConnector<CreatePaymentInput, CreatedPayment>({
    type: 'amtsflow:payment-create:1',
    name: 'Online-Zahlung anlegen (XBezahldienste)',
    description: 'Creates a payment transaction (amount in cents, Kassenzeichen in the purpose) and returns the URL to send the citizen to.',
    keywords: ['Bezahlung', 'ePayBL', 'XBezahldienste', 'Kassenzeichen'],
    groups: [{ id: 'input', label: 'Zahlung' }, { id: 'correlation', label: 'Rückmeldung an den Prozess' }],
    input: {
      type: 'object',
      required: ['kassenzeichen', 'amountCents', 'description', 'redirectUrl', 'messageName'],
      properties: {
        kassenzeichen: { type: 'string', title: 'Kassenzeichen', minLength: 1, maxLength: 27 },
        amountCents: { type: 'integer', title: 'Betrag in Cent', minimum: 1, maximum: 100_000_000 },
        description: { type: 'string', title: 'Beschreibung', minLength: 1, maxLength: 250 },
        redirectUrl: { type: 'string', format: 'uri', title: 'Rücksprungadresse', description: 'Where the citizen returns after paying' },
        purpose: { type: 'string', title: 'Verwendungszweck', description: 'Default: the Kassenzeichen', pattern: '^[A-Za-z0-9_\\s-]{1,27}$' },
        items: {
          type: 'array', title: 'Positionen', minItems: 1, maxItems: 99,
          items: {
            type: 'object', required: ['description', 'amountCents'],
            properties: {
              description: { type: 'string', minLength: 1 }, amountCents: { type: 'integer', minimum: 1 },
              quantity: { type: 'integer', minimum: 1 }, reference: { type: 'string' },
            },
          },
        },
        messageName: {
          type: 'string', title: 'Nachricht', default: 'payment-finished', minLength: 1,
          description: 'The message the process waits for, correlated by the transaction id',
          'x-template': { binding: 'header', group: 'correlation' },
        },
        endPointId: { type: 'string', title: 'Bewirtschafter (endPointId)', description: 'Default: the configured one', 'x-template': { binding: 'header' } },
      },
    },
    output: {
      type: 'object',
      required: ['requestId', 'transactionId', 'redirectUrl', 'status'],
      properties: {
        requestId: { type: 'string' }, transactionId: { type: 'string' }, redirectUrl: { type: 'string' },
        status: { type: 'string', enum: ['INITIAL', 'PAYED', 'CANCELED', 'FAILED'] },
      },
    },
    resultVariable: 'payment',
    async run(input, context) {
      // The element instance is the same for every retry of this task, so a retry finds the transaction it created.
      const requestId = `af-${context.job.elementInstanceKey}`;
      return service.create({ ...input, requestId, processInstanceKey: context.job.processInstanceKey }).catch(permanentIfRefused);
    },
  });

  const paymentStatus = defineConnector<PaymentStatusInput, PaymentStatusOutput>({
    type: 'amtsflow:payment-status:1',
    name: 'Zahlungsstatus abfragen',
    description: 'Pulls the status of a payment from the provider and, once it is final, sends the payment message to the waiting process.',
    keywords: ['Bezahlung', 'XBezahldienste'],
    input: {
      type: 'object',
      required: ['transactionId'],
      properties: { transactionId: { type: 'string', title: 'Transaktion', description: 'e.g. =payment.transactionId', minLength: 1 } },
    },
    output: {
      type: 'object',
      required: ['outcome'],
      properties: { outcome: { type: 'string' }, status: { type: 'string', enum: ['INITIAL', 'PAYED', 'CANCELED', 'FAILED'] } },
    },
    resultVariable: 'paymentCheck',
    async run(input, context) {
      const outcome = await service.refreshAndCorrelate(input.transactionId, context).catch(permanentIfRefused);
      const status = await service.statusOf(input.transactionId);
      return { outcome, ...(status && { status }) };
    },
  });

  const reconcile = defineConnector<ReconcileInput, ReconciliationSummary>({
    type: 'amtsflow:payment-reconcile:1',
    name: 'Offene Zahlungen abgleichen',
    description: 'Asks the provider about every payment the processes have not heard of and correlates the paid, cancelled and failed ones.',
    keywords: ['Bezahlung', 'Abgleich', 'Reconciliation'],
    input: {
      type: 'object',
      required: ['olderThanMinutes', 'limit'],
      properties: {
        olderThanMinutes: { type: 'integer', minimum: 0, default: 15, title: 'Älter als (Minuten)', 'x-template': { binding: 'header' } },
        limit: { type: 'integer', minimum: 1, maximum: 10_000, default: 200, title: 'Höchstens so viele Zahlungen', 'x-template': { binding: 'header' } },
      },
    },
    output: {
      type: 'object',
      required: ['checked', 'correlated', 'stillOpen', 'mismatched', 'failedToCheck', 'withoutTransaction'],
      properties: {
        checked: { type: 'integer' }, correlated: { type: 'array', items: { type: 'string' } }, stillOpen: { type: 'integer' },
        mismatched: { type: 'array', items: { type: 'string' } }, failedToCheck: { type: 'integer' }, withoutTransaction: { type: 'integer' },
      },
    },
    resultVariable: 'paymentReconciliation',
    timeoutMs: 300_000,
    maxConcurrentJobs: 1,
    async run(input, context) {
      const summary = await service.reconcile(context, { olderThanMs: input.olderThanMinutes * 60_000, limit: input.limit });
      context.logger.info({ ...summary, correlated: summary.correlated.length, mismatched: summary.mismatched.length }, 'Payments reconciled');
      return summary;
    },
  });

  return [createPayment, paymentStatus, reconcile];
}
