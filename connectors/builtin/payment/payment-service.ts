/**
 * Online payment with XBezahldienste: create a transaction once per request id, send the citizen to the provider,
 * and when the payment is final (told by a signed notification, or found by reconciliation) pull its status from the
 * provider, check amount and reference, and publish a message the waiting process correlates by transaction id.
 * The message goes out through the publisher the caller hands in: a connector's context, or for the notification
 * endpoint a `zeebeMessagePublisher` of the server's client.
 */
import type { Logger } from 'pino';
import type { MessagePublisher } from '../../sdk/index.js';
import { PaymentLedger, type LedgerEntry } from './payment-ledger.js';
import { PaymentProviderError, type XBezahldiensteClient } from './xbezahldienste-client.js';
import {
  centsToEuros, eurosToCents, FINAL_STATUSES, PURPOSE_PATTERN, type PaymentStatus, type PaymentTransaction,
} from './xbezahldienste-protocol.js';

export interface PaymentServiceOptions {
  ledger: PaymentLedger;
  provider: XBezahldiensteClient;
  logger: Logger;
  /**
   * How long a published payment message waits for its process to subscribe (the citizen may pay before the process
   * reaches its catch event). Default one day.
   */
  messageTimeToLiveMs?: number;
}

export interface CreatePaymentRequest {
  /** Idempotency key, at most 36 characters: the same id returns the same transaction. */
  requestId: string;
  kassenzeichen: string;
  amountCents: number;
  /** Verwendungszweck; default: the Kassenzeichen with other characters than letters, digits, blanks and `-_` as `-`. */
  purpose?: string;
  description: string;
  redirectUrl: string;
  messageName: string;
  endPointId?: string;
  processInstanceKey?: string;
  items?: { description: string; amountCents: number; quantity?: number; reference?: string }[];
}

export interface CreatedPayment {
  requestId: string;
  transactionId: string;
  redirectUrl: string;
  status: PaymentStatus;
}

export type CorrelationOutcome = 'correlated' | 'already-correlated' | 'still-open' | 'unknown-transaction' | 'mismatch';

export interface ReconciliationSummary {
  checked: number;
  correlated: string[];
  stillOpen: number;
  mismatched: string[];
  failedToCheck: number;
  /** Requests whose create job has not recorded a transaction yet; their jobs retry the create. */
  withoutTransaction: number;
}

/** The variables the payment message carries into the process. */
export interface PaymentMessageVariables {
  paymentStatus: PaymentStatus;
  paymentResult: {
    transactionId: string;
    kassenzeichen: string;
    amountCents: number;
    currency: string;
    paymentMethod?: string;
    statusChangedAt?: string;
  };
}

export class PaymentRequestError extends Error {
  override name = 'PaymentRequestError';
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class PaymentService {
  constructor(private readonly options: PaymentServiceOptions) {}

  /** Creates the transaction, or returns the one created for this request id before; the provider is asked once. */
  async create(request: CreatePaymentRequest): Promise<CreatedPayment> {
    const { ledger, provider } = this.options;
    const purpose = request.purpose ?? purposeFromKassenzeichen(request.kassenzeichen);
    if (!PURPOSE_PATTERN.test(purpose)) throw new PaymentRequestError(`The purpose "${purpose}" must be 1-27 letters, digits, blanks, - or _`);
    const items = request.items ?? [{ description: request.description, amountCents: request.amountCents, reference: request.kassenzeichen }];
    const itemTotal = items.reduce((sum, item) => sum + item.amountCents, 0);
    if (itemTotal !== request.amountCents) throw new PaymentRequestError(`The items add up to ${itemTotal} cents, not ${request.amountCents}`);
    const endPointId = request.endPointId ?? provider.defaultEndPointId;

    const entry = await ledger.reserve({
      requestId: request.requestId, endPointId, kassenzeichen: request.kassenzeichen, amountCents: request.amountCents, currency: 'EUR',
      purpose, messageName: request.messageName, processInstanceKey: request.processInstanceKey,
    });
    if (entry.amountCents !== request.amountCents || entry.kassenzeichen !== request.kassenzeichen || entry.endPointId !== endPointId) {
      throw new PaymentRequestError(`Request id ${request.requestId} was used for another payment (${entry.kassenzeichen}, ${entry.amountCents} cents)`);
    }
    if (entry.transactionId) return created(entry);

    // A request that reached the provider before (and then our answer was lost) is answered with the same
    // transaction: XBezahldienste identifies a request by its requestId.
    const transaction = await provider.createPaymentTransaction({
      requestId: request.requestId,
      requestTimestamp: new Date().toISOString(),
      currency: 'EUR',
      grosAmount: centsToEuros(request.amountCents),
      purpose,
      description: request.description,
      redirectUrl: request.redirectUrl,
      items: items.map((item, index) => ({
        id: String(index + 1),
        ...(item.reference && { reference: item.reference }),
        description: item.description,
        quantity: item.quantity ?? 1,
        grosAmount: centsToEuros(item.amountCents),
      })),
    }, endPointId);
    const { transactionId, transactionRedirectUrl, status } = transaction.paymentInformation;
    this.options.logger.info({ requestId: request.requestId, transactionId }, 'Payment transaction created');
    return created(await ledger.recordCreated(request.requestId, { transactionId, transactionRedirectUrl, status }));
  }

  /**
   * Pulls the transaction's status from the provider (never trusting a notification or redirect), and once it is
   * final and matches what was asked for, tells the process through `publisher`. Safe to call any number of times.
   */
  async refreshAndCorrelate(transactionId: string, publisher: MessagePublisher): Promise<CorrelationOutcome> {
    const { ledger, provider, logger } = this.options;
    let entry = await ledger.byTransactionId(transactionId);
    if (!entry) return 'unknown-transaction';
    if (entry.correlatedAt) return 'already-correlated';
    if (entry.problem) return 'mismatch';
    if (!entry.status || !FINAL_STATUSES.has(entry.status)) {
      const transaction = await provider.getPaymentTransaction(transactionId, entry.endPointId);
      const problem = mismatchOf(entry, transaction);
      if (problem) {
        await ledger.recordProblem(transactionId, problem);
        logger.error({ transactionId, kassenzeichen: entry.kassenzeichen, problem }, 'Payment does not match its request; not correlated');
        return 'mismatch';
      }
      const { status, paymentMethod } = transaction.paymentInformation;
      if (!FINAL_STATUSES.has(status)) return 'still-open';
      await ledger.recordFinalStatus(transactionId, status, paymentMethod);
      entry = (await ledger.byTransactionId(transactionId))!;
    }
    await this.publish(entry, publisher);
    await ledger.markCorrelated(transactionId);
    logger.info({ transactionId, status: entry.status }, 'Payment correlated');
    return 'correlated';
  }

  /** The status the ledger knows (absent for an unknown transaction or one the provider has not created yet). */
  async statusOf(transactionId: string): Promise<PaymentStatus | undefined> {
    return (await this.options.ledger.byTransactionId(transactionId))?.status;
  }

  /** Looks at every transaction the process has not heard of (older than `olderThanMs`) and correlates the final ones. */
  async reconcile(publisher: MessagePublisher, { olderThanMs = 0, limit = 200 }: { olderThanMs?: number; limit?: number } = {}): Promise<ReconciliationSummary> {
    const { ledger, logger } = this.options;
    const open = await ledger.uncorrelated(new Date(Date.now() - olderThanMs), limit);
    const summary: ReconciliationSummary = { checked: open.length, correlated: [], stillOpen: 0, mismatched: [], failedToCheck: 0, withoutTransaction: 0 };
    for (const entry of open) {
      try {
        const outcome = await this.refreshAndCorrelate(entry.transactionId!, publisher);
        if (outcome === 'correlated') summary.correlated.push(entry.transactionId!);
        else if (outcome === 'mismatch') summary.mismatched.push(entry.transactionId!);
        else if (outcome === 'still-open') summary.stillOpen += 1;
      } catch (error) {
        // One unreachable status must not stop the others; the next run tries again.
        if (!(error instanceof PaymentProviderError)) throw error;
        summary.failedToCheck += 1;
        logger.warn({ transactionId: entry.transactionId, err: error }, 'Payment status could not be checked');
      }
    }
    summary.withoutTransaction = await ledger.countWithoutTransaction();
    return summary;
  }

  private async publish(entry: LedgerEntry, publisher: MessagePublisher): Promise<void> {
    const variables: PaymentMessageVariables = {
      paymentStatus: entry.status!,
      paymentResult: {
        transactionId: entry.transactionId!,
        kassenzeichen: entry.kassenzeichen,
        amountCents: entry.amountCents,
        currency: entry.currency,
        ...(entry.paymentMethod && { paymentMethod: entry.paymentMethod }),
        ...(entry.statusChangedAt && { statusChangedAt: entry.statusChangedAt }),
      },
    };
    await publisher.publishMessage({
      name: entry.messageName,
      correlationKey: entry.transactionId!,
      // The same message id makes a second publish (after a crash before markCorrelated) a duplicate while buffered.
      messageId: `payment-${entry.transactionId}`,
      timeToLiveMs: this.options.messageTimeToLiveMs ?? DAY_MS,
      variables: variables as unknown as Record<string, unknown>,
    });
  }
}

function created(entry: LedgerEntry): CreatedPayment {
  return { requestId: entry.requestId, transactionId: entry.transactionId!, redirectUrl: entry.transactionRedirectUrl!, status: entry.status! };
}

/** The Verwendungszweck from a Kassenzeichen (`5.0100.123456.7` → `5-0100-123456-7`). */
export function purposeFromKassenzeichen(kassenzeichen: string): string {
  return kassenzeichen.trim().replace(/[^A-Za-z0-9_\s-]/g, '-');
}

/** What the provider reports must be what was asked for: amount, currency and reference. */
function mismatchOf(entry: LedgerEntry, transaction: PaymentTransaction): string | undefined {
  const { paymentRequest, paymentInformation } = transaction;
  if (paymentInformation.transactionId !== entry.transactionId) return `the provider answered for transaction ${paymentInformation.transactionId}`;
  let amountCents: number;
  try {
    amountCents = eurosToCents(paymentRequest.grosAmount);
  } catch {
    return `the provider reports the amount ${paymentRequest.grosAmount}`;
  }
  if (amountCents !== entry.amountCents) return `the provider reports ${amountCents} cents, ${entry.amountCents} were requested`;
  if (paymentRequest.currency !== entry.currency) return `the provider reports currency ${paymentRequest.currency}`;
  if (paymentRequest.purpose !== entry.purpose) return `the provider reports the purpose "${paymentRequest.purpose}", not "${entry.purpose}"`;
  if (paymentRequest.requestId !== entry.requestId) return `the provider reports request ${paymentRequest.requestId}`;
  return undefined;
}
