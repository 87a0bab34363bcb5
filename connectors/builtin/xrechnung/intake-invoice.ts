/**
 * Invoice intake: XML in, the invoice model and its rule violations out. An invoice is accepted when no violation
 * is fatal; warnings (a Leitweg-ID with wrong check digits, say) travel with it for the clerk to judge.
 */
import type { Invoice } from './invoice-model.js';
import { parseLeitwegId, type LeitwegId } from './leitweg-id.js';
import { readInvoice } from './read-invoice.js';
import { invoiceRules, type BusinessRule, type Violation } from './rules/index.js';

export interface InvoiceIntakeResult {
  /** True when no violation is fatal. */
  accepted: boolean;
  /** Absent only when the XML could not be read as an invoice at all. */
  invoice?: Invoice;
  /** BT-10 taken apart, when it has the form of a Leitweg-ID. */
  leitwegId?: LeitwegId;
  violations: Violation[];
}

export function intakeInvoice(xml: string | Uint8Array, rules: readonly BusinessRule[] = invoiceRules): InvoiceIntakeResult {
  const read = readInvoice(xml);
  if (!read.ok) return { accepted: false, violations: [{ rule: read.rule, severity: 'fatal', message: read.message }] };
  const { invoice } = read;
  const violations = validateInvoice(invoice, rules);
  const leitwegId = invoice.buyerReference === undefined ? undefined : parseLeitwegId(invoice.buyerReference);
  return {
    accepted: violations.every((violation) => violation.severity !== 'fatal'),
    invoice,
    ...(leitwegId && { leitwegId }),
    violations,
  };
}

export function validateInvoice(invoice: Invoice, rules: readonly BusinessRule[] = invoiceRules): Violation[] {
  return rules.flatMap((rule) => rule.check(invoice).map((detail) => ({
    rule: rule.id,
    severity: rule.severity,
    message: detail === '' ? rule.description : `${rule.description} (${detail})`,
  })));
}
