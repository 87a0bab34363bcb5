/** Business rules on real KoSIT samples changed in one place each, so every rule is seen failing for its reason. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SHARED } from '../../../../test/support/shared-files.js';
import { intakeInvoice } from '../intake-invoice.js';

const sample = (name: string) => readFileSync(path.join(SHARED, 'xrechnung-samples', 'valid', name), 'utf8');
const UBL = sample('01.01a-INVOICE_ubl.xml');
const CII = sample('01.01a-INVOICE_uncefact.xml');

/** Replaces exactly one occurrence, so a test cannot silently change nothing. */
function changed(xml: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`Expected one occurrence of ${from}, found ${count}`);
  return xml.replace(from, to);
}

const fatal = (xml: string) => intakeInvoice(xml).violations.filter((v) => v.severity === 'fatal').map((v) => v.rule);
const warnings = (xml: string) => intakeInvoice(xml).violations.filter((v) => v.severity === 'warning').map((v) => v.rule);

describe('calculation rules (exact decimals)', () => {
  it('reports a line that does not add up to the line total as BR-CO-10, and the VAT base that no longer fits', () => {
    const xml = changed(UBL, '<cbc:LineExtensionAmount currencyID="EUR">26.07</cbc:LineExtensionAmount>', '<cbc:LineExtensionAmount currencyID="EUR">26.08</cbc:LineExtensionAmount>');
    expect(fatal(xml)).toEqual(['BR-CO-10', 'BR-S-08']);
    expect(intakeInvoice(xml).violations[0].message).toContain('stated 314.86, computed 314.87');
  });

  it('reports a total VAT that is not the sum of the breakdowns as BR-CO-14 and a wrong amount due as BR-CO-16', () => {
    const taxTotal = changed(CII, '<ram:TaxTotalAmount currencyID="EUR">22.04</ram:TaxTotalAmount>', '<ram:TaxTotalAmount currencyID="EUR">22.05</ram:TaxTotalAmount>');
    expect(fatal(taxTotal)).toEqual(['BR-CO-14', 'BR-CO-15']);
    const amountDue = changed(CII, '<ram:DuePayableAmount>336.9</ram:DuePayableAmount>', '<ram:DuePayableAmount>336.91</ram:DuePayableAmount>');
    expect(fatal(amountDue)).toEqual(['BR-CO-16']);
  });

  it('accepts a rounding amount and a prepaid amount that explain the amount due (BR-CO-16)', () => {
    const xml = changed(UBL, '<cbc:PayableAmount currencyID="EUR">336.9</cbc:PayableAmount>',
      '<cbc:PrepaidAmount currencyID="EUR">100.00</cbc:PrepaidAmount><cbc:PayableRoundingAmount currencyID="EUR">0.10</cbc:PayableRoundingAmount><cbc:PayableAmount currencyID="EUR">237.00</cbc:PayableAmount>');
    expect(fatal(xml)).toEqual([]);
  });

  it('allows the slack of the current CEN rule for VAT computed per line (BR-CO-17), but not a wrong rate', () => {
    // 314.86 × 7 % = 22.0402: a VAT of 22.05 (rounded per line) passes, one that misses by a whole euro does not.
    const slightlyOff = changed(UBL.replace(/<cbc:TaxAmount currencyID="EUR">22.04<\/cbc:TaxAmount>/g, '<cbc:TaxAmount currencyID="EUR">22.05</cbc:TaxAmount>'),
      '<cbc:TaxInclusiveAmount currencyID="EUR">336.9</cbc:TaxInclusiveAmount>', '<cbc:TaxInclusiveAmount currencyID="EUR">336.91</cbc:TaxInclusiveAmount>')
      .replace('<cbc:PayableAmount currencyID="EUR">336.9</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="EUR">336.91</cbc:PayableAmount>');
    expect(fatal(slightlyOff)).toEqual([]);
    const wrongRate = changed(UBL, /<cbc:Percent>7<\/cbc:Percent>\s*<cac:TaxScheme>\s*<cbc:ID>VAT<\/cbc:ID>\s*<\/cac:TaxScheme>\s*<\/cac:TaxCategory>\s*<\/cac:TaxSubtotal>/,
      '<cbc:Percent>19</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>');
    expect(fatal(wrongRate)).toEqual(expect.arrayContaining(['BR-CO-17', 'BR-S-09', 'BR-S-08']));
  });
});

describe('XRechnung rules', () => {
  it('requires the payment instructions (BR-DE-1), the seller contact (BR-DE-2) and an account for a SEPA transfer (BR-DE-23-a)', () => {
    expect(fatal(changed(UBL, /<cac:PaymentMeans>[\s\S]*<\/cac:PaymentMeans>/, ''))).toEqual(['BR-DE-1']);
    expect(fatal(changed(UBL, /<cac:Contact>[\s\S]*<\/cac:Contact>/, ''))).toEqual(['BR-DE-2']);
    expect(fatal(changed(UBL, /<cac:PayeeFinancialAccount>[\s\S]*<\/cac:PayeeFinancialAccount>/, ''))).toEqual(['BR-61', 'BR-DE-23-a']);
  });

  it('warns about an IBAN with a wrong checksum (BR-DE-19)', () => {
    expect(warnings(changed(UBL, 'DE79000000001234567890', 'DE78000000001234567890'))).toEqual(['BR-DE-19']);
  });

  it('accepts well-formed Skonto lines in the payment terms and names broken ones (BR-DE-18)', () => {
    const terms = (note: string) => changed(UBL, '<cbc:Note>Zahlbar sofort ohne Abzug.</cbc:Note>', `<cbc:Note>${note}</cbc:Note>`);
    expect(fatal(terms('#SKONTO#TAGE=7#PROZENT=2.00#\n#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=100.00#\nsonst netto'))).toEqual([]);
    expect(fatal(terms('#SKONTO#TAGE=7#PROZENT=2#\n'))).toEqual(['BR-DE-18']);
    expect(fatal(terms('#skonto#TAGE=7#PROZENT=2.00#\n'))).toEqual(['BR-DE-18']);
    expect(fatal(terms('#SKONTO#TAGE=7#PROZENT=2.00#'))).toEqual(['BR-DE-18']);
  });

  it('rejects another XRechnung version by BR-DE-21 and warns about an unusual type code (BR-DE-17)', () => {
    expect(fatal(changed(UBL, 'kosit:xrechnung_3.0<', 'kosit:xrechnung_2.3<'))).toEqual(['BR-DE-21']);
    expect(warnings(changed(UBL, '<cbc:InvoiceTypeCode>380', '<cbc:InvoiceTypeCode>393'))).toEqual(['BR-DE-17']);
  });

  it('asks for a VAT identifier or tax number of the seller when VAT is charged (BR-DE-16, BR-S-02 family)', () => {
    expect(fatal(changed(UBL, /<cac:PartyTaxScheme>[\s\S]*?<\/cac:PartyTaxScheme>/, ''))).toEqual(['BR-DE-16']);
  });
});

describe('the Leitweg-ID', () => {
  it('warns about a buyer reference that has not the form of a Leitweg-ID, without rejecting the invoice', () => {
    const result = intakeInvoice(changed(UBL, '<cbc:BuyerReference>04011000-12345-03', '<cbc:BuyerReference>Bestellung 4711'));
    expect(result.accepted).toBe(true);
    expect(result.violations.map((v) => v.rule)).toEqual(['LEITWEG-ID-FORMAT']);
    expect(result.leitwegId).toBeUndefined();
  });

  it('hands the parts of a Leitweg-ID out for routing', () => {
    expect(intakeInvoice(UBL).leitwegId).toEqual({ coarseAddress: '04011000', fineAddress: '12345', checkDigits: '03', checkDigitsValid: true });
  });
});

describe('documents that are no invoice', () => {
  it('names the syntax problem instead of guessing', () => {
    expect(fatal(changed(UBL, 'xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"', 'xmlns:ubl="urn:example:Invoice"'))).toEqual(['UNKNOWN-SYNTAX']);
    expect(fatal(`<!DOCTYPE x [<!ENTITY e "e">]>${UBL.replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`)).toEqual(['XML-DOCTYPE']);
    expect(fatal(UBL.replace(/xmlns:cbc="[^"]*"/, ''))).toEqual(['XML-NAMESPACE']);
    expect(fatal(changed(UBL, '<cbc:IssueDate>2016-04-04</cbc:IssueDate>', '<cbc:IssueDate>2016-04-04</cbc:IssueDat>'))).toEqual(['XML-NOT-WELL-FORMED']);
  });

  it('reports an amount that is no decimal by DECIMAL-SYNTAX instead of computing with it', () => {
    expect(fatal(changed(UBL, '<cbc:PayableAmount currencyID="EUR">336.9</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="EUR">336,90</cbc:PayableAmount>')))
      .toEqual(['DECIMAL-SYNTAX']);
  });
});
