/**
 * The XBezahldienste (FITKO) payment transaction API as this connector speaks it: an OAuth2 client-credentials token,
 * `POST /paymenttransaction/{originatorId}/{endPointId}` to create a transaction, `GET .../{transactionId}` for its
 * status. Field names follow the standard, including its spelling `grosAmount`. Amounts travel as JSON numbers in
 * euros; inside amtsflow they are integer cents, converted only here.
 */
export type PaymentStatus = 'INITIAL' | 'PAYED' | 'CANCELED' | 'FAILED';

export const FINAL_STATUSES: ReadonlySet<PaymentStatus> = new Set(['PAYED', 'CANCELED', 'FAILED']);

export interface PaymentItem {
  id: string;
  reference?: string;
  description: string;
  quantity: number;
  /** Total gross amount of the item, in euros. */
  grosAmount: number;
}

export interface PaymentRequest {
  /** Set by the online service, at most 36 characters: the idempotency key of the transaction. */
  requestId: string;
  requestTimestamp: string;
  currency: 'EUR';
  /** Total gross amount in euros (two decimals). */
  grosAmount: number;
  /** Verwendungszweck, at most 27 characters of `[A-Za-z0-9_ -]`: carries the Kassenzeichen. */
  purpose: string;
  description: string;
  /** Where the citizen's browser returns after paying (or cancelling). */
  redirectUrl: string;
  items: PaymentItem[];
}

export interface PaymentInformation {
  transactionId: string;
  /** The REST URL of the transaction's status. */
  transactionUrl: string;
  /** Where to send the citizen to pay. */
  transactionRedirectUrl: string;
  transactionReference?: string;
  transactionTimestamp: string;
  paymentMethod?: string;
  paymentMethodDetail?: string;
  status: PaymentStatus;
  statusDetail?: string;
}

export interface PaymentTransaction {
  paymentRequest: PaymentRequest;
  paymentInformation: PaymentInformation;
}

/**
 * amtsflow's status notification (not part of XBezahldienste 1.0, which leaves the online service to pull the status
 * after the redirect): the provider POSTs `{ transactionId, status }` with the header
 * `x-payment-signature: sha256=<hex HMAC-SHA256 of the raw body with the shared secret>`. The receiver treats it as a
 * hint only and pulls the status over the authenticated API before it believes anything.
 */
export interface PaymentNotification {
  transactionId: string;
  status?: PaymentStatus;
}

export const SIGNATURE_HEADER = 'x-payment-signature';

export const PURPOSE_PATTERN = /^[A-Za-z0-9_\s-]{1,27}$/;
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,36}$/;

export function centsToEuros(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${cents} is not a whole number of cents`);
  return cents / 100;
}

/** Euros as sent on the wire back to cents; refuses anything with more than two decimals. */
export function eurosToCents(euros: number): number {
  const cents = Math.round(euros * 100);
  if (!Number.isFinite(euros) || Math.abs(euros * 100 - cents) > 1e-6) throw new RangeError(`${euros} is not an amount in whole cents`);
  return cents;
}
