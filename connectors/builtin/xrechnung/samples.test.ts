/**
 * The KoSIT samples in ../shared/xrechnung-samples, checked against what their README says: the business terms
 * in its table, and the expected result (accepted, or rejected naming a rule) in its "Expected validation
 * results". The expectations are read from the README, not copied into this test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SHARED } from '../../../test/support/shared-files.js';
import { Decimal } from './decimal.js';
import { intakeInvoice, type InvoiceIntakeResult } from './intake-invoice.js';
import { XML_NOT_WELL_FORMED } from './read-invoice.js';
import { LEITWEG_ID_CHECK_DIGITS } from './rules/amtsflow-rules.js';

const SAMPLES = path.join(SHARED, 'xrechnung-samples');
const README = readFileSync(path.join(SAMPLES, 'README.md'), 'utf8');
const ABSENT = new Set(['—', '–', '-']);

interface TableRow { file: string; bt1: string; bt10: string; bt112: string; bt115: string }
interface ExpectedResult { files: string[]; verdict: 'accept' | 'reject'; rules: string[]; parseError: boolean }

const filesIn = (folder: string) => readdirSync(path.join(SAMPLES, folder)).filter((name) => name.endsWith('.xml')).sort().map((name) => `${folder}/${name}`);
const ALL_FILES = [...filesIn('valid'), ...filesIn('invalid')];

/** `valid/01.01a-INVOICE_{ubl,uncefact}.xml` or `valid/01.05_minimal_test_*` to the files it names. */
function expandPattern(pattern: string): string[] {
  const regex = pattern.replace(/[.+?^$()[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\{([^}]*)\}/g, (_, alternatives: string) => `(${alternatives.split(',').join('|')})`);
  return ALL_FILES.filter((file) => new RegExp(`^${regex}$`).test(file));
}

function tableRows(): TableRow[] {
  const lines = README.split('\n').filter((line) => line.startsWith('|') && !/^[|\s:-]+$/.test(line));
  const header = lines[0].split('|').map((cell) => cell.trim());
  const column = (title: string) => header.indexOf(title);
  return lines.slice(1).flatMap((line) => {
    const cells = line.split('|').map((cell) => cell.trim());
    const [bt112, bt115 = bt112] = cells[column('BT-112 / BT-115')].split('/').map((value) => value.trim());
    return expandPattern(cells[column('file')]).map((file) => ({ file, bt1: cells[column('BT-1')], bt10: cells[column('BT-10')], bt112, bt115 }));
  });
}

function expectedResults(): ExpectedResult[] {
  const section = README.slice(README.indexOf('## Expected validation results'));
  const bullets = section.split('\n- ').slice(1).map((bullet) => bullet.replace(/\s+/g, ' '));
  return bullets.flatMap((bullet) => {
    const head = bullet.slice(0, bullet.indexOf(':'));
    const ids = head.match(/INV-\d+/g);
    if (!ids) return [];
    const rules = [...bullet.matchAll(/`(BR-[A-Z0-9-]+)`/g)].map((match) => match[1]);
    const verdict = /\*\*accepted|\*\*accept\*\*/.test(bullet) ? 'accept' : 'reject';
    if (!/\*\*reject\*\*|rejects|\*\*accept/.test(bullet)) throw new Error(`No verdict found in the README bullet: ${bullet}`);
    const files = ids.flatMap((id) => ALL_FILES.filter((file) => file.startsWith(`invalid/${id}_`)));
    return [{ files, verdict, rules, parseError: /XML parse error/.test(bullet) }];
  });
}

const intake = (file: string): InvoiceIntakeResult => intakeInvoice(readFileSync(path.join(SAMPLES, file)));
const fatalRules = (result: InvoiceIntakeResult) => result.violations.filter((v) => v.severity === 'fatal').map((v) => v.rule);

describe('the README of the XRechnung samples', () => {
  it('is read completely: every sample file has a table row, every invalid one an expected result', () => {
    expect(tableRows().map((row) => row.file).sort()).toEqual([...ALL_FILES].sort());
    expect(expectedResults().flatMap((result) => result.files).sort()).toEqual(filesIn('invalid'));
  });
});

describe('every valid sample', () => {
  it.each(filesIn('valid'))('%s is accepted without a fatal violation', (file) => {
    const result = intake(file);
    expect(fatalRules(result)).toEqual([]);
    expect(result.accepted).toBe(true);
  });
});

describe('every invalid sample', () => {
  it.each(expectedResults().flatMap((expected) => expected.files.map((file) => [file, expected] as const)))(
    '%s yields what the README names',
    (file, expected) => {
      const result = intake(file);
      expect(result.accepted).toBe(expected.verdict === 'accept');
      if (expected.parseError) expect(fatalRules(result)).toEqual([XML_NOT_WELL_FORMED]);
      if (expected.verdict === 'reject') for (const rule of expected.rules) expect(fatalRules(result)).toContain(rule);
    },
  );

  it('warns about the Leitweg-ID check digits that the README says no official rule checks (INV-07, and valid 01.07a)', () => {
    for (const file of ['invalid/INV-07_leitweg-id-bad-check-digit_ubl.xml', 'valid/01.07a-INVOICE_ubl.xml', 'valid/01.07a-INVOICE_uncefact.xml']) {
      expect(intake(file).violations).toEqual([expect.objectContaining({ rule: LEITWEG_ID_CHECK_DIGITS, severity: 'warning' })]);
    }
  });
});

describe('the business terms of every sample', () => {
  it.each(tableRows().filter((row) => !ABSENT.has(row.bt112)).map((row) => [row.file, row] as const))(
    '%s has the BT-1, BT-10, BT-112 and BT-115 of the README table',
    (file, row) => {
      const { invoice } = intake(file);
      expect(invoice?.number).toBe(ABSENT.has(row.bt1) ? undefined : row.bt1);
      expect(invoice?.buyerReference).toBe(ABSENT.has(row.bt10) ? undefined : row.bt10);
      expect(Decimal.parse(invoice!.totals.taxInclusive!)!.equals(Decimal.parse(row.bt112)!)).toBe(true);
      expect(Decimal.parse(invoice!.totals.amountDue!)!.equals(Decimal.parse(row.bt115)!)).toBe(true);
    },
  );
});
