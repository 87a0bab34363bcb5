/**
 * EN 16931 rules per VAT category: a category used by a line, allowance or charge has its VAT breakdown (BR-x-01),
 * the breakdown's taxable amount adds up (BR-x-08), and its tax amount is right (BR-x-09). The rule families are
 * named after the category: S standard, Z zero rated, E exempt, AE reverse charge, K intra-community (IC),
 * G export (G), O not subject to VAT, L IGIC (IG), M IPSI (IP).
 */
import { Decimal } from '../decimal.js';
import type { Invoice, VatBreakdown } from '../invoice-model.js';
import { decimal, type BusinessRule } from './business-rule.js';
import { vatAmountProblem } from './en16931-calculation-rules.js';

interface VatCategory {
  code: string;
  rulePrefix: string;
  name: string;
  /** Categories with rates have one breakdown per rate; the others exactly one breakdown and a tax amount of zero. */
  perRate: boolean;
}

const CATEGORIES: readonly VatCategory[] = [
  { code: 'S', rulePrefix: 'BR-S', name: 'standard rated', perRate: true },
  { code: 'Z', rulePrefix: 'BR-Z', name: 'zero rated', perRate: false },
  { code: 'E', rulePrefix: 'BR-E', name: 'exempt from VAT', perRate: false },
  { code: 'AE', rulePrefix: 'BR-AE', name: 'reverse charge', perRate: false },
  { code: 'K', rulePrefix: 'BR-IC', name: 'intra-community supply', perRate: false },
  { code: 'G', rulePrefix: 'BR-G', name: 'export outside the EU', perRate: false },
  { code: 'O', rulePrefix: 'BR-O', name: 'not subject to VAT', perRate: false },
  { code: 'L', rulePrefix: 'BR-IG', name: 'IGIC (Canary Islands)', perRate: true },
  { code: 'M', rulePrefix: 'BR-IP', name: 'IPSI (Ceuta and Melilla)', perRate: true },
];

type Categorised = { vatCategoryCode?: string; vatRate?: string };

function sameRate(a: string | undefined, b: string | undefined): boolean {
  const left = decimal(a);
  const right = decimal(b);
  return left && right ? left.equals(right) : left === right;
}

function usesCategory(invoice: Invoice, code: string): boolean {
  const items: Categorised[] = [...invoice.lines, ...invoice.allowances, ...invoice.charges];
  return items.some((item) => item.vatCategoryCode === code);
}

/** BT-116 as the lines, charges and allowances of the breakdown's category (and rate) add it up; undefined if one is no decimal. */
function computedTaxableAmount(invoice: Invoice, breakdown: VatBreakdown, category: VatCategory): Decimal | undefined {
  const matches = (item: Categorised) => item.vatCategoryCode === category.code && (!category.perRate || sameRate(item.vatRate, breakdown.rate));
  const sum = (amounts: (string | undefined)[]) => {
    const decimals = amounts.map(decimal);
    return decimals.every((amount) => amount !== undefined) ? Decimal.sum(decimals as Decimal[]) : undefined;
  };
  const lines = sum(invoice.lines.filter(matches).map((line) => line.netAmount));
  const charges = sum(invoice.charges.filter(matches).map((charge) => charge.amount));
  const allowances = sum(invoice.allowances.filter(matches).map((allowance) => allowance.amount));
  return lines && charges && allowances && lines.plus(charges).minus(allowances);
}

function rulesFor(category: VatCategory): BusinessRule[] {
  const breakdownsOf = (invoice: Invoice) => invoice.vatBreakdown.filter((breakdown) => breakdown.categoryCode === category.code);
  const label = (breakdown: VatBreakdown) => `VAT breakdown ${category.code}${breakdown.rate && category.perRate ? ` ${breakdown.rate} %` : ''}`;
  return [
    {
      id: `${category.rulePrefix}-01`,
      severity: 'fatal',
      description: `An invoice with items ${category.name} (${category.code}) has ${category.perRate ? 'a' : 'exactly one'} VAT breakdown of that category.`,
      check(invoice) {
        if (!usesCategory(invoice, category.code)) return [];
        const count = breakdownsOf(invoice).length;
        return (category.perRate ? count >= 1 : count === 1) ? [] : [`${count} VAT breakdowns of category ${category.code}`];
      },
    },
    {
      id: `${category.rulePrefix}-08`,
      severity: 'fatal',
      description: `The taxable amount of a ${category.code} VAT breakdown is the sum of its lines and charges minus its allowances${category.perRate ? ', per rate' : ''}.`,
      check: (invoice) => breakdownsOf(invoice).flatMap((breakdown) => {
        const stated = decimal(breakdown.taxableAmount);
        const computed = computedTaxableAmount(invoice, breakdown, category)?.round(2);
        if (!stated || !computed || stated.equals(computed)) return [];
        return [`${label(breakdown)}: stated ${stated.toString(2)}, computed ${computed.toString(2)}`];
      }),
    },
    {
      id: `${category.rulePrefix}-09`,
      severity: 'fatal',
      description: category.perRate
        ? `The tax amount of a ${category.code} VAT breakdown is its taxable amount times its rate.`
        : `The tax amount of a ${category.code} VAT breakdown is zero.`,
      check: (invoice) => breakdownsOf(invoice).flatMap((breakdown) => {
        if (category.perRate) {
          const problem = vatAmountProblem(breakdown);
          return problem ? [`${label(breakdown)}: ${problem}`] : [];
        }
        const tax = decimal(breakdown.taxAmount);
        return tax && !tax.isZero() ? [`${label(breakdown)}: tax amount ${tax.toString(2)}`] : [];
      }),
    },
  ];
}

export const vatCategoryRules: readonly BusinessRule[] = CATEGORIES.flatMap(rulesFor);
