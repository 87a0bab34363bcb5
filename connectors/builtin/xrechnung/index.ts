/** XRechnung intake: UBL 2.1 and UN/CEFACT CII invoices into one model, checked against EN 16931 and XRechnung rules. */
export { intakeInvoice, validateInvoice, type InvoiceIntakeResult } from './intake-invoice.js';
export { readInvoice, type ReadInvoiceResult } from './read-invoice.js';
export type * from './invoice-model.js';
export { parseLeitwegId, leitwegCheckDigits, type LeitwegId } from './leitweg-id.js';
export { invoiceRules, type BusinessRule, type Severity, type Violation } from './rules/index.js';
export { Decimal } from './decimal.js';
export { XRECHNUNG_REJECTED, xrechnungIntakeConnector, type XRechnungIntakeInput, type XRechnungIntakeOutput } from './xrechnung-intake-connector.js';
