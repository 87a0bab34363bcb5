/**
 * amtsflow's own checks, beyond the official rules: values that must be decimals (the XSD's job, which we do not
 * run), and the Leitweg-ID's form and check digits. No official rule checks the check digits (KoSIT's test suite
 * has a valid invoice with wrong ones), so a bad one is a warning that sends the invoice to manual triage.
 */
import type { Invoice } from '../invoice-model.js';
import { leitwegCheckDigits, parseLeitwegId } from '../leitweg-id.js';
import { decimal, type BusinessRule } from './business-rule.js';

export const LEITWEG_ID_FORMAT = 'LEITWEG-ID-FORMAT';
export const LEITWEG_ID_CHECK_DIGITS = 'LEITWEG-ID-CHECK-DIGITS';
export const DECIMAL_SYNTAX = 'DECIMAL-SYNTAX';

function decimalFields(invoice: Invoice): [string, string | undefined][] {
  const totals = Object.entries(invoice.totals).filter(([, value]) => typeof value === 'string') as [string, string][];
  return [
    ...totals.map(([name, value]): [string, string] => [`totals.${name}`, value]),
    ...(invoice.totals.thirdPartyPayments ?? []).map((value, index): [string, string] => [`totals.thirdPartyPayments[${index}]`, value]),
    ...invoice.lines.flatMap((line, index) => [
      [`lines[${index}].quantity`, line.quantity], [`lines[${index}].netAmount`, line.netAmount], [`lines[${index}].netPrice`, line.netPrice],
      [`lines[${index}].grossPrice`, line.grossPrice], [`lines[${index}].vatRate`, line.vatRate],
    ] as [string, string | undefined][]),
    ...invoice.vatBreakdown.flatMap((breakdown, index) => [
      [`vatBreakdown[${index}].taxableAmount`, breakdown.taxableAmount], [`vatBreakdown[${index}].taxAmount`, breakdown.taxAmount],
      [`vatBreakdown[${index}].rate`, breakdown.rate],
    ] as [string, string | undefined][]),
    ...(['allowances', 'charges'] as const).flatMap((kind) => invoice[kind].flatMap((item, index) => [
      [`${kind}[${index}].amount`, item.amount], [`${kind}[${index}].baseAmount`, item.baseAmount],
      [`${kind}[${index}].percentage`, item.percentage], [`${kind}[${index}].vatRate`, item.vatRate],
    ] as [string, string | undefined][])),
  ];
}

export const amtsflowRules: readonly BusinessRule[] = [
  {
    id: DECIMAL_SYNTAX,
    severity: 'fatal',
    description: 'Amounts, quantities and rates are decimal numbers (digits with an optional sign and decimal point).',
    check: (invoice) => decimalFields(invoice)
      .filter(([, value]) => value !== undefined && decimal(value) === undefined)
      .map(([field, value]) => `${field} is "${value}"`),
  },
  {
    id: LEITWEG_ID_FORMAT,
    severity: 'warning',
    description: 'The buyer reference (BT-10) has the form of a Leitweg-ID: 2-12 digits, an optional part of up to 30 letters or digits, 2 check digits.',
    check: (invoice) => (invoice.buyerReference === undefined || parseLeitwegId(invoice.buyerReference) ? [] : [`"${invoice.buyerReference}"`]),
  },
  {
    id: LEITWEG_ID_CHECK_DIGITS,
    severity: 'warning',
    description: 'The check digits of the Leitweg-ID (ISO 7064 MOD 97-10) fit.',
    check(invoice) {
      const leitwegId = invoice.buyerReference === undefined ? undefined : parseLeitwegId(invoice.buyerReference);
      if (!leitwegId || leitwegId.checkDigitsValid) return [];
      const expected = leitwegCheckDigits(leitwegId.coarseAddress + (leitwegId.fineAddress ?? ''));
      return [`"${invoice.buyerReference}" has ${leitwegId.checkDigits}, ${expected} would fit`];
    },
  },
];
