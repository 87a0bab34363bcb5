/** Online payment over XBezahldienste: create, redirect, status by notification or pull, reconciliation. */
export { paymentConnectors, type CreatePaymentInput, type PaymentStatusInput, type PaymentStatusOutput, type ReconcileInput } from './payment-connectors.js';
export {
  PaymentRequestError, PaymentService, purposeFromKassenzeichen,
  type CorrelationOutcome, type CreatedPayment, type CreatePaymentRequest, type PaymentMessageVariables,
  type PaymentServiceOptions, type ReconciliationSummary,
} from './payment-service.js';
export { PaymentLedger, type LedgerEntry } from './payment-ledger.js';
export { paymentNotificationHandler, signNotification, type NotificationHandlerOptions } from './payment-notification-handler.js';
export { PaymentProviderError, XBezahldiensteClient, type XBezahldiensteConfig } from './xbezahldienste-client.js';
export * from './xbezahldienste-protocol.js';
