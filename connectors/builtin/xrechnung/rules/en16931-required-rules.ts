/**
 * EN 16931 rules on what an invoice must contain (BR-01 ... BR-65, BR-CO-04/18/25): the core a clerk and the
 * Kasse need to route, check and pay an invoice.
 */
import type { AllowanceOrCharge, Invoice, InvoiceLine, Period, VatBreakdown } from '../invoice-model.js';
import { Decimal } from '../decimal.js';
import { decimal, eachRule, invoiceRule, lineName, type BusinessRule } from './business-rule.js';

const present = (value: unknown) => value !== undefined && value !== '';
const lines = (invoice: Invoice) => invoice.lines;
const breakdowns = (invoice: Invoice) => invoice.vatBreakdown;
const breakdownName = (breakdown: VatBreakdown, index: number) =>
  `VAT breakdown ${index + 1}${breakdown.categoryCode ? ` (${breakdown.categoryCode}${breakdown.rate ? ` ${breakdown.rate} %` : ''})` : ''}`;
const documentLevel = (kind: string) => (_: AllowanceOrCharge, index: number) => `document level ${kind} ${index + 1}`;
const periodInOrder = (period: Period | undefined) => !period?.start || !period.end || period.end >= period.start;
/** UNTDID 4461 codes of credit transfers: 30 credit transfer, 31 debit transfer (non-SEPA), 58 SEPA credit transfer. */
const CREDIT_TRANSFER_CODES = new Set(['30', '31', '58']);

export const en16931RequiredRules: readonly BusinessRule[] = [
  invoiceRule('BR-01', 'fatal', 'An invoice has a specification identifier (BT-24).', (i) => present(i.specificationIdentifier)),
  invoiceRule('BR-02', 'fatal', 'An invoice has an invoice number (BT-1).', (i) => present(i.number)),
  invoiceRule('BR-03', 'fatal', 'An invoice has an issue date (BT-2).', (i) => present(i.issueDate)),
  invoiceRule('BR-04', 'fatal', 'An invoice has a type code (BT-3).', (i) => present(i.typeCode)),
  invoiceRule('BR-05', 'fatal', 'An invoice has a currency code (BT-5).', (i) => present(i.currency)),
  invoiceRule('BR-06', 'fatal', 'An invoice names the seller (BT-27).', (i) => present(i.seller.name)),
  invoiceRule('BR-07', 'fatal', 'An invoice names the buyer (BT-44).', (i) => present(i.buyer.name)),
  invoiceRule('BR-08', 'fatal', 'An invoice has the seller postal address (BG-5).', (i) => i.seller.address !== undefined),
  invoiceRule('BR-09', 'fatal', 'The seller postal address has a country code (BT-40).', (i) => !i.seller.address || present(i.seller.address.countryCode)),
  invoiceRule('BR-10', 'fatal', 'An invoice has the buyer postal address (BG-8).', (i) => i.buyer.address !== undefined),
  invoiceRule('BR-11', 'fatal', 'The buyer postal address has a country code (BT-55).', (i) => !i.buyer.address || present(i.buyer.address.countryCode)),
  invoiceRule('BR-12', 'fatal', 'An invoice has the sum of line net amounts (BT-106).', (i) => present(i.totals.lineNetTotal)),
  invoiceRule('BR-13', 'fatal', 'An invoice has the total without VAT (BT-109).', (i) => present(i.totals.taxExclusive)),
  invoiceRule('BR-14', 'fatal', 'An invoice has the total with VAT (BT-112).', (i) => present(i.totals.taxInclusive)),
  invoiceRule('BR-15', 'fatal', 'An invoice has the amount due for payment (BT-115).', (i) => present(i.totals.amountDue)),
  invoiceRule('BR-16', 'fatal', 'An invoice has at least one line (BG-25).', (i) => i.lines.length > 0),
  invoiceRule('BR-17', 'fatal', 'A payee other than the seller is named (BT-59).', (i) => !i.payee || present(i.payee.name)),
  eachRule<InvoiceLine>('BR-21', 'fatal', 'Each line has an identifier (BT-126).', lines, (l) => present(l.id), lineName),
  eachRule<InvoiceLine>('BR-22', 'fatal', 'Each line has an invoiced quantity (BT-129).', lines, (l) => present(l.quantity), lineName),
  eachRule<InvoiceLine>('BR-23', 'fatal', 'Each invoiced quantity has a unit of measure (BT-130).', lines, (l) => !present(l.quantity) || present(l.unitCode), lineName),
  eachRule<InvoiceLine>('BR-24', 'fatal', 'Each line has a net amount (BT-131).', lines, (l) => present(l.netAmount), lineName),
  eachRule<InvoiceLine>('BR-25', 'fatal', 'Each line names the item (BT-153).', lines, (l) => present(l.itemName), lineName),
  eachRule<InvoiceLine>('BR-26', 'fatal', 'Each line has an item net price (BT-146).', lines, (l) => present(l.netPrice), lineName),
  eachRule<InvoiceLine>('BR-27', 'fatal', 'An item net price (BT-146) is not negative.', lines, (l) => !decimal(l.netPrice)?.isNegative(), lineName),
  eachRule<InvoiceLine>('BR-28', 'fatal', 'An item gross price (BT-148) is not negative.', lines, (l) => !decimal(l.grossPrice)?.isNegative(), lineName),
  invoiceRule('BR-29', 'fatal', 'The invoicing period ends on or after its start (BG-14).', (i) => periodInOrder(i.invoicingPeriod)),
  eachRule<InvoiceLine>('BR-30', 'fatal', 'A line period ends on or after its start (BG-26).', lines, (l) => periodInOrder(l.period), lineName),
  eachRule<AllowanceOrCharge>('BR-31', 'fatal', 'Each document level allowance has an amount (BT-92).', (i) => i.allowances, (a) => present(a.amount), documentLevel('allowance')),
  eachRule<AllowanceOrCharge>('BR-32', 'fatal', 'Each document level allowance has a VAT category code (BT-95).', (i) => i.allowances, (a) => present(a.vatCategoryCode), documentLevel('allowance')),
  eachRule<AllowanceOrCharge>('BR-33', 'fatal', 'Each document level allowance has a reason or reason code (BT-97, BT-98).', (i) => i.allowances, (a) => present(a.reason) || present(a.reasonCode), documentLevel('allowance')),
  eachRule<AllowanceOrCharge>('BR-36', 'fatal', 'Each document level charge has an amount (BT-99).', (i) => i.charges, (c) => present(c.amount), documentLevel('charge')),
  eachRule<AllowanceOrCharge>('BR-37', 'fatal', 'Each document level charge has a VAT category code (BT-102).', (i) => i.charges, (c) => present(c.vatCategoryCode), documentLevel('charge')),
  eachRule<AllowanceOrCharge>('BR-38', 'fatal', 'Each document level charge has a reason or reason code (BT-104, BT-105).', (i) => i.charges, (c) => present(c.reason) || present(c.reasonCode), documentLevel('charge')),
  eachRule<VatBreakdown>('BR-45', 'fatal', 'Each VAT breakdown has a taxable amount (BT-116).', breakdowns, (b) => present(b.taxableAmount), breakdownName),
  eachRule<VatBreakdown>('BR-46', 'fatal', 'Each VAT breakdown has a tax amount (BT-117).', breakdowns, (b) => present(b.taxAmount), breakdownName),
  eachRule<VatBreakdown>('BR-47', 'fatal', 'Each VAT breakdown has a VAT category code (BT-118).', breakdowns, (b) => present(b.categoryCode), breakdownName),
  eachRule<VatBreakdown>('BR-48', 'fatal', 'Each VAT breakdown has a rate (BT-119) unless the invoice is not subject to VAT (O).', breakdowns, (b) => present(b.rate) || b.categoryCode === 'O', breakdownName),
  eachRule('BR-49', 'fatal', 'Each payment instruction has a payment means type code (BT-81).', (i) => i.paymentInstructions, (p) => present(p.typeCode), (_, index) => `payment instruction ${index + 1}`),
  eachRule('BR-61', 'fatal', 'A credit transfer (BT-81 30, 31, 58) names the payment account (BT-84).', (i) => i.paymentInstructions,
    (p) => !CREDIT_TRANSFER_CODES.has(p.typeCode ?? '') || p.creditTransfers.some((transfer) => present(transfer.accountId)),
    (p, index) => `payment instruction ${index + 1} (${p.typeCode})`),
  eachRule<InvoiceLine>('BR-CO-04', 'fatal', 'Each line has a VAT category code (BT-151).', lines, (l) => present(l.vatCategoryCode), lineName),
  invoiceRule('BR-CO-18', 'fatal', 'An invoice has at least one VAT breakdown (BG-23).', (i) => i.vatBreakdown.length > 0),
  invoiceRule('BR-CO-25', 'fatal', 'A positive amount due (BT-115) comes with a due date (BT-9) or payment terms (BT-20).',
    (i) => !(decimal(i.totals.amountDue)?.compare(Decimal.ZERO) === 1) || present(i.dueDate) || present(i.paymentTerms)),
];
