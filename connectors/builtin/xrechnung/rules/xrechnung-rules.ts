/**
 * The XRechnung 3.0 rules (BR-DE-*) that matter for routing and paying an invoice, as KoSIT's Schematron states
 * them. One deliberate difference: BR-DE-21 (the specification identifier) is a warning there, but KoSIT's
 * validator configuration has no scenario for any other identifier and rejects such a file, so here it is fatal.
 */
import type { Invoice, PaymentInstruction } from '../invoice-model.js';
import { mod97 } from '../mod97.js';
import { eachRule, invoiceRule, type BusinessRule } from './business-rule.js';

export const XRECHNUNG_3_0 = 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0';
export const XRECHNUNG_3_0_EXTENSION = `${XRECHNUNG_3_0}#conformant#urn:xeinkauf.de:kosit:extension:xrechnung_3.0`;

const present = (value: string | undefined) => value !== undefined && value.trim() !== '';
const instructions = (invoice: Invoice) => invoice.paymentInstructions;
const instructionName = (instruction: PaymentInstruction, index: number) => `payment instruction ${index + 1} (${instruction.typeCode ?? 'no code'})`;
const hasCode = (instruction: PaymentInstruction, ...codes: string[]) => codes.includes(instruction.typeCode ?? '');

/** Categories for which the seller must give a VAT or tax number (or a tax representative). */
const TAXABLE_CATEGORIES = new Set(['S', 'Z', 'E', 'AE', 'K', 'G', 'L', 'M']);
const INVOICE_TYPE_CODES = new Set(['326', '380', '384', '389', '381', '875', '876', '877']);
/** `#SKONTO#TAGE=n#PROZENT=n.nn#` with an optional `BASISBETRAG=n.nn#`. */
const SKONTO_LINE = /^#SKONTO#TAGE=[0-9]+#PROZENT=[0-9]+\.[0-9]{2}(#BASISBETRAG=-?[0-9]+\.[0-9]{2})?#$/;

export const xrechnungRules: readonly BusinessRule[] = [
  invoiceRule('BR-DE-1', 'fatal', 'An invoice has payment instructions (BG-16).', (i) => i.paymentInstructions.length > 0),
  invoiceRule('BR-DE-2', 'fatal', 'An invoice has a seller contact (BG-6).', (i) => i.seller.contact !== undefined),
  invoiceRule('BR-DE-3', 'fatal', "The seller's address has a city (BT-37).", (i) => !i.seller.address || present(i.seller.address.city)),
  invoiceRule('BR-DE-4', 'fatal', "The seller's address has a post code (BT-38).", (i) => !i.seller.address || present(i.seller.address.postCode)),
  invoiceRule('BR-DE-5', 'fatal', 'The seller contact names a contact point (BT-41).', (i) => !i.seller.contact || present(i.seller.contact.name)),
  invoiceRule('BR-DE-6', 'fatal', 'The seller contact has a telephone number (BT-42).', (i) => !i.seller.contact || present(i.seller.contact.telephone)),
  invoiceRule('BR-DE-7', 'fatal', 'The seller contact has an e-mail address (BT-43).', (i) => !i.seller.contact || present(i.seller.contact.email)),
  invoiceRule('BR-DE-8', 'fatal', "The buyer's address has a city (BT-52).", (i) => !i.buyer.address || present(i.buyer.address.city)),
  invoiceRule('BR-DE-9', 'fatal', "The buyer's address has a post code (BT-53).", (i) => !i.buyer.address || present(i.buyer.address.postCode)),
  eachRule('BR-DE-14', 'fatal', 'Each VAT breakdown has a rate (BT-119).', (i) => i.vatBreakdown, (b) => present(b.rate),
    (b, index) => `VAT breakdown ${index + 1}${b.categoryCode ? ` (${b.categoryCode})` : ''}`),
  invoiceRule('BR-DE-15', 'fatal', 'An invoice has a buyer reference (BT-10), the Leitweg-ID.', (i) => present(i.buyerReference)),
  invoiceRule('BR-DE-16', 'fatal', 'With VAT categories S, Z, E, AE, K, G, L or M the seller gives a VAT identifier (BT-31), tax number (BT-32) or tax representative (BG-11).',
    (i) => ![...i.lines, ...i.allowances, ...i.charges].some((item) => TAXABLE_CATEGORIES.has(item.vatCategoryCode ?? ''))
      || present(i.seller.vatId) || present(i.seller.taxRegistrationId) || i.sellerTaxRepresentative !== undefined),
  invoiceRule('BR-DE-17', 'warning', 'The type code (BT-3) is one of 326, 380, 384, 389, 381, 875, 876, 877.', (i) => INVOICE_TYPE_CODES.has(i.typeCode ?? '')),
  {
    id: 'BR-DE-18',
    severity: 'fatal',
    description: 'Skonto lines in the payment terms (BT-20) read `#SKONTO#TAGE=n#PROZENT=n.nn#` (optionally `BASISBETRAG=n.nn#`) and end with a line break.',
    check: (invoice) => skontoProblems(invoice.paymentTerms),
  },
  eachRule('BR-DE-19', 'warning', 'A SEPA credit transfer (58) names a valid IBAN (BT-84).', instructions,
    (p) => !hasCode(p, '58') || p.creditTransfers.every((transfer) => isValidIban(transfer.accountId)), instructionName),
  eachRule('BR-DE-20', 'warning', 'A SEPA direct debit (59) names a valid debited IBAN (BT-91).', instructions,
    (p) => !hasCode(p, '59') || isValidIban(p.directDebit?.debitedAccountId), instructionName),
  invoiceRule('BR-DE-21', 'fatal', 'The specification identifier (BT-24) is that of XRechnung 3.0 or its extension.',
    (i) => i.specificationIdentifier === XRECHNUNG_3_0 || i.specificationIdentifier === XRECHNUNG_3_0_EXTENSION),
  invoiceRule('BR-DE-22', 'fatal', 'Attached documents have distinct file names.', (i) => {
    const names = i.supportingDocuments.map((document) => document.filename).filter((name) => name !== undefined);
    return new Set(names).size === names.length;
  }),
  eachRule('BR-DE-23-a', 'fatal', 'A credit transfer (30, 58) has credit transfer details (BG-17).', instructions,
    (p) => !hasCode(p, '30', '58') || p.creditTransfers.length > 0, instructionName),
  eachRule('BR-DE-23-b', 'fatal', 'A credit transfer (30, 58) has no card (BG-18) or direct debit (BG-19) details.', instructions,
    (p) => !hasCode(p, '30', '58') || (!p.card && !p.directDebit), instructionName),
  eachRule('BR-DE-24-a', 'fatal', 'A card payment (48, 54, 55) has card details (BG-18).', instructions,
    (p) => !hasCode(p, '48', '54', '55') || p.card !== undefined, instructionName),
  eachRule('BR-DE-24-b', 'fatal', 'A card payment (48, 54, 55) has no credit transfer (BG-17) or direct debit (BG-19) details.', instructions,
    (p) => !hasCode(p, '48', '54', '55') || (p.creditTransfers.length === 0 && !p.directDebit), instructionName),
  eachRule('BR-DE-25-a', 'fatal', 'A direct debit (59) has direct debit details (BG-19).', instructions,
    (p) => !hasCode(p, '59') || p.directDebit !== undefined, instructionName),
  eachRule('BR-DE-25-b', 'fatal', 'A direct debit (59) has no credit transfer (BG-17) or card (BG-18) details.', instructions,
    (p) => !hasCode(p, '59') || (p.creditTransfers.length === 0 && !p.card), instructionName),
  invoiceRule('BR-DE-26', 'warning', 'A corrected invoice (384) refers to the invoice it corrects (BG-3).',
    (i) => i.typeCode !== '384' || i.precedingInvoices.length > 0),
  invoiceRule('BR-DE-30', 'fatal', 'A direct debit (BG-19) comes with the creditor identifier (BT-90).',
    (i) => !i.paymentInstructions.some((p) => p.directDebit) || present(i.creditorIdentifier)),
  invoiceRule('BR-DE-31', 'fatal', 'A direct debit (BG-19) names the debited account (BT-91).',
    (i) => i.paymentInstructions.every((p) => !p.directDebit || present(p.directDebit.debitedAccountId))),
];

function skontoProblems(paymentTerms: string | undefined): string[] {
  if (paymentTerms === undefined) return [];
  const lines = paymentTerms.split(/\r?\n/);
  const problems = lines
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line.startsWith('#') && !SKONTO_LINE.test(line))
    .map((line) => `"${line}" is no valid Skonto line`);
  // The text after the last Skonto line has to start with a line break, so the last line cannot be one.
  if (lines[lines.length - 1].trim().startsWith('#')) problems.push('the last Skonto line is not followed by a line break');
  return problems;
}

/** ISO 13616: two letters, two check digits, up to 30 letters or digits; the number mod 97 is 1. */
export function isValidIban(text: string | undefined): boolean {
  if (text === undefined) return false;
  const iban = text.replace(/\s+/g, '');
  if (!/^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$/.test(iban)) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1n;
}
