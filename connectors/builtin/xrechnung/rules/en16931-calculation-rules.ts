/**
 * EN 16931 calculation rules on the document totals (BR-CO-10 ... BR-CO-17), computed with exact decimals. Like
 * the CEN Schematron, a computed sum is rounded to two decimals (XPath round: half towards +∞) before it is
 * compared. A rule whose operands are missing is skipped: the BR-12 ... BR-15 family reports those.
 */
import { Decimal } from '../decimal.js';
import type { Invoice, VatBreakdown } from '../invoice-model.js';
import { decimal, decimalOrZero, type BusinessRule } from './business-rule.js';

/** Compares a stated amount with a computed one; the detail shows both. */
function totalRule(
  id: string,
  description: string,
  operands: (invoice: Invoice) => { stated: Decimal; computed: Decimal } | undefined,
): BusinessRule {
  return {
    id,
    severity: 'fatal',
    description,
    check(invoice) {
      const values = operands(invoice);
      if (!values) return [];
      const computed = values.computed.round(2);
      return values.stated.equals(computed) ? [] : [`stated ${values.stated.toString(2)}, computed ${computed.toString(2)}`];
    },
  };
}

/** All given amounts as decimals, or undefined if one is missing or not a decimal. */
function all<const T extends readonly (string | undefined)[]>(...values: T): { [K in keyof T]: Decimal } | undefined {
  const decimals = values.map(decimal);
  return decimals.every((value) => value !== undefined) ? (decimals as { [K in keyof T]: Decimal }) : undefined;
}

function sumOf(values: readonly (string | undefined)[]): Decimal | undefined {
  const decimals = values.map(decimal);
  return decimals.every((value) => value !== undefined) ? Decimal.sum(decimals as Decimal[]) : undefined;
}

export const en16931CalculationRules: readonly BusinessRule[] = [
  totalRule('BR-CO-10', 'The sum of line net amounts (BT-106) equals the sum of the lines (BT-131).', (invoice) => {
    const stated = decimal(invoice.totals.lineNetTotal);
    const computed = sumOf(invoice.lines.map((line) => line.netAmount));
    return stated && computed && { stated, computed };
  }),
  totalRule('BR-CO-11', 'The sum of allowances (BT-107) equals the document level allowances (BT-92).', (invoice) => {
    const stated = decimal(invoice.totals.allowanceTotal);
    const computed = sumOf(invoice.allowances.map((allowance) => allowance.amount));
    return stated && computed && { stated, computed };
  }),
  totalRule('BR-CO-12', 'The sum of charges (BT-108) equals the document level charges (BT-99).', (invoice) => {
    const stated = decimal(invoice.totals.chargeTotal);
    const computed = sumOf(invoice.charges.map((charge) => charge.amount));
    return stated && computed && { stated, computed };
  }),
  totalRule('BR-CO-13', 'The total without VAT (BT-109) is the line sum (BT-106) minus allowances (BT-107) plus charges (BT-108).', (invoice) => {
    const values = all(invoice.totals.taxExclusive, invoice.totals.lineNetTotal);
    if (!values) return undefined;
    const [stated, lineNetTotal] = values;
    const computed = lineNetTotal.minus(decimalOrZero(invoice.totals.allowanceTotal)).plus(decimalOrZero(invoice.totals.chargeTotal));
    return { stated, computed };
  }),
  totalRule('BR-CO-14', 'The total VAT (BT-110) is the sum of the VAT breakdown amounts (BT-117).', (invoice) => {
    const stated = decimal(invoice.totals.taxTotal);
    if (!stated || invoice.vatBreakdown.length === 0) return undefined;
    const computed = sumOf(invoice.vatBreakdown.map((breakdown) => breakdown.taxAmount));
    return computed && { stated, computed };
  }),
  totalRule('BR-CO-15', 'The total with VAT (BT-112) is the total without VAT (BT-109) plus the total VAT (BT-110).', (invoice) => {
    const values = all(invoice.totals.taxInclusive, invoice.totals.taxExclusive);
    if (!values) return undefined;
    const [stated, taxExclusive] = values;
    return { stated, computed: taxExclusive.plus(decimalOrZero(invoice.totals.taxTotal)) };
  }),
  // With the XRechnung extension, third-party payments add to it (BR-DEX-09 replaces BR-CO-16 there).
  totalRule('BR-CO-16', 'The amount due (BT-115) is the total with VAT (BT-112) minus the paid amount (BT-113) plus rounding (BT-114).', (invoice) => {
    const values = all(invoice.totals.amountDue, invoice.totals.taxInclusive);
    const thirdParty = sumOf(invoice.totals.thirdPartyPayments ?? []);
    if (!values || !thirdParty) return undefined;
    const [stated, taxInclusive] = values;
    return {
      stated,
      computed: taxInclusive.minus(decimalOrZero(invoice.totals.prepaid)).plus(decimalOrZero(invoice.totals.rounding)).plus(thirdParty),
    };
  }),
  {
    id: 'BR-CO-17',
    severity: 'fatal',
    description: 'A VAT breakdown amount (BT-117) is its taxable amount (BT-116) times its rate (BT-119), rounded to two decimals.',
    check: (invoice) => invoice.vatBreakdown.flatMap((breakdown, index) => {
      const problem = vatAmountProblem(breakdown);
      return problem ? [`VAT breakdown ${index + 1}: ${problem}`] : [];
    }),
  },
];

const ONE = Decimal.of(1);

/**
 * BT-117 against BT-116 × BT-119 / 100. The current CEN Schematron compares absolute values and allows a slack
 * of less than one currency unit (so VAT computed and rounded per line passes); a zero rate needs a tax amount
 * that rounds to zero. Undefined when it holds or an operand is missing.
 */
export function vatAmountProblem(breakdown: VatBreakdown): string | undefined {
  const taxable = decimal(breakdown.taxableAmount);
  const tax = decimal(breakdown.taxAmount);
  const rate = decimal(breakdown.rate);
  if (!taxable || !tax || !rate) return undefined;
  if (rate.round(0).isZero()) return tax.round(0).isZero() ? undefined : `the rate is 0 but the tax amount is ${tax.toString(2)}`;
  const expected = taxable.abs().times(rate).shiftLeft(2).round(2);
  const difference = tax.abs().minus(expected).abs();
  return difference.compare(ONE) < 0 ? undefined : `stated ${tax.toString(2)}, computed ${expected.toString(2)}`;
}
