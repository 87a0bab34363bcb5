/** What a business rule is and what its violation looks like; rules are plain values, listed per source. */
import { Decimal } from '../decimal.js';
import type { Invoice } from '../invoice-model.js';

/** As in the Schematron: `fatal` rejects the invoice, `warning` and `information` do not. */
export type Severity = 'fatal' | 'warning' | 'information';

export interface Violation {
  /** The official rule id (BR-DE-15, BR-CO-15, ...) or one of amtsflow's own (see README). */
  rule: string;
  severity: Severity;
  message: string;
}

export interface BusinessRule {
  id: string;
  severity: Severity;
  /** What the rule demands, in one sentence (our words, not the specification's). */
  description: string;
  /** One detail per violation: empty when the invoice satisfies the rule. A detail may be '' (nothing to add). */
  check(invoice: Invoice): string[];
}

/** A rule that holds or does not, for the whole invoice. */
export function invoiceRule(id: string, severity: Severity, description: string, holds: (invoice: Invoice) => boolean): BusinessRule {
  return { id, severity, description, check: (invoice) => (holds(invoice) ? [] : ['']) };
}

/** A rule checked for each item of a list (lines, VAT breakdowns, ...); the detail names the item that fails. */
export function eachRule<T>(
  id: string,
  severity: Severity,
  description: string,
  items: (invoice: Invoice) => readonly T[],
  holds: (item: T, invoice: Invoice) => boolean,
  name: (item: T, index: number) => string,
): BusinessRule {
  return {
    id,
    severity,
    description,
    check: (invoice) => items(invoice).flatMap((item, index) => (holds(item, invoice) ? [] : [name(item, index)])),
  };
}

/** A decimal value of the model; absent stays absent. Text that is no decimal is reported by DECIMAL-SYNTAX. */
export function decimal(value: string | undefined): Decimal | undefined {
  return value === undefined ? undefined : Decimal.parse(value);
}

/** A decimal that counts as zero when absent, for optional amounts in sums (allowances, prepaid, rounding). */
export function decimalOrZero(value: string | undefined): Decimal {
  return decimal(value) ?? Decimal.ZERO;
}

export const lineName = (line: { id?: string }, index: number) => `line ${line.id ?? index + 1}`;
