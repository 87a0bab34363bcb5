/**
 * The KoSIT test suite has each business case as UBL and as CII. Both must read into the same invoice model;
 * the few fields where the suite's two files really say different things are listed here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SHARED } from '../../../test/support/shared-files.js';
import { intakeInvoice } from './intake-invoice.js';
import type { Invoice } from './invoice-model.js';

const VALID = path.join(SHARED, 'xrechnung-samples', 'valid');
const pairs = readdirSync(VALID).filter((name) => name.endsWith('_ubl.xml')).map((name) => [name, name.replace('_ubl.xml', '_uncefact.xml')] as const);

/** Field paths whose values differ in the test suite's own UBL and CII files (checked by reading both files). */
const DIFFERENT_IN_THE_FILES: Record<string, string[]> = {
  '01.05_minimal_test': ['totals.taxTotal'], // UBL states a VAT total of 0, CII none
  '01.21a-INVOICE': ['seller.vatId', 'paymentInstructions.0.typeText', 'vatBreakdown.0.exemptionReason', 'totals.allowanceTotal'],
  '02.01a-INVOICE': ['totals.rounding'], // CII states a rounding amount of 0.00
  '03.06a-INVOICE': ['seller.address.city', 'seller.address.postCode', 'buyer.address.city', 'buyer.address.postCode'], // swapped in the UBL file
};

function differences(a: unknown, b: unknown, at = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b) ? [] : [at];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], at ? `${at}.${key}` : key));
}

const read = (name: string): Invoice => intakeInvoice(readFileSync(path.join(VALID, name))).invoice!;

describe('UBL and CII', () => {
  it.each(pairs)('%s and %s read into the same invoice model', (ubl, cii) => {
    const known = DIFFERENT_IN_THE_FILES[ubl.replace('_ubl.xml', '')] ?? [];
    expect(differences(read(ubl), read(cii))).toEqual(['syntax', ...known]);
  });
});

describe('namespace prefixes', () => {
  it('do not matter: a UBL invoice with other prefixes and a default namespace reads the same', () => {
    const original = readFileSync(path.join(VALID, '03.03a-INVOICE_ubl.xml'), 'utf8');
    const renamed = original
      .replace(/<(\/?)ubl:/g, '<$1').replace('xmlns:ubl=', 'xmlns=')
      .replace(/<(\/?)cbc:/g, '<$1basic:').replace('xmlns:cbc=', 'xmlns:basic=')
      .replace(/<(\/?)cac:/g, '<$1agg:').replace('xmlns:cac=', 'xmlns:agg=');
    expect(renamed).not.toContain('cbc:');
    expect(intakeInvoice(renamed)).toEqual(intakeInvoice(original));
  });
});
