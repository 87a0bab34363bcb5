/**
 * The Rechnungsworkflow on the embedded engine through zeebe-node, with KoSIT's sample invoices, the XRechnung,
 * mail and HTTP connectors and a local stand-in for the finance system: routing by Leitweg-ID, a misrouted invoice,
 * manual triage, rejection, the four-eyes rule above the Wertgrenze and the escalation before the Skonto date.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SHARED } from '../../test/support/shared-files.js';
import { eventually, startProcessTestBed, type ProcessTestBed } from '../testing/process-test-bed.js';

let test: ProcessTestBed;
let finance: Server;
const handedOver: Record<string, unknown>[] = [];

beforeAll(async () => {
  finance = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/hkr/eingangsrechnungen') {
        response.writeHead(404).end();
        return;
      }
      handedOver.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ buchungsId: `B-${handedOver.length}` }));
    });
  });
  await new Promise<void>((resolve) => finance.listen(0, '127.0.0.1', resolve));
  const { port } = finance.address() as AddressInfo;
  test = await startProcessTestBed({ secretValues: { FINANZVERFAHREN_URL: `http://127.0.0.1:${port}/hkr` } });
});
afterAll(async () => {
  await test.destroy();
  await new Promise((resolve) => finance.close(resolve));
});

const sample = (relative: string) => readFileSync(path.join(SHARED, 'xrechnung-samples', relative), 'utf8');
const later = { eskalationAm: '2099-01-01T07:00:00Z' };
let received = 0;

/** What the Rechnungseingang's intake starts the process with: the stored XML and an Aktenzeichen. */
async function receive(xml: string, extra: Record<string, unknown> = { fristen: later }): Promise<{ key: string; aktenzeichen: string }> {
  received += 1;
  const aktenzeichen = `RECH-2026-${String(received).padStart(5, '0')}`;
  const rechnung = await test.bed.documents.put({ processInstanceKey: '0', filename: `${aktenzeichen}.xml`, contentType: 'application/xml', bytes: Buffer.from(xml) });
  const key = await test.start('rechnungsworkflow', { rechnung, aktenzeichen, ...extra });
  return { key, aktenzeichen };
}

const kontierung = { sachkonto: '54310000', kostenstelle: '6600', produkt: '12.01.01' };
const correct = { pruefung: { ergebnis: 'SACHLICH_RICHTIG', rechnerischRichtig: true, kontierung } };
const handOverOf = (aktenzeichen: string) => handedOver.find((each) => each.aktenzeichen === aktenzeichen);

describe('an invoice below the Wertgrenze', () => {
  it('goes by its Leitweg-ID to the Amt, which checks and books it; then it is handed to the finance system without a second approval', async () => {
    const { key, aktenzeichen } = await receive(sample('valid/01.01a-INVOICE_ubl.xml'));
    const check = await test.tasks.take(key, 'SachlichPruefen');
    expect(check.candidateGroups).toEqual(['tiefbauamt']);
    expect(check.variables.rechnungsdaten).toMatchObject({ betrag: 336.9, zahlbarBis: '2016-05-04', skontoBis: null, vierAugenAb: 5000 });
    await test.tasks.complete(check, correct, 'mueller');
    const variables = await test.finished(key);
    expect(handOverOf(aktenzeichen)).toMatchObject({
      rechnungsnummer: '123456XX', leitwegId: '04011000-12345-03', betrag: '336.90', waehrung: 'EUR', amt: 'tiefbauamt', kontierung, sachlichRichtig: 'mueller', freigabe: null,
    });
    expect(variables.uebergabe).toMatchObject({ status: 201, body: { buchungsId: expect.any(String) } });
    expect(await test.tasks.hasNone(key, 'Freigeben')).toBe(true);
  });

  it('reads the same invoice in UN/CEFACT CII syntax and routes and hands it over alike', async () => {
    const { key, aktenzeichen } = await receive(sample('valid/01.01a-INVOICE_uncefact.xml'));
    const check = await test.tasks.take(key, 'SachlichPruefen');
    expect(check.candidateGroups).toEqual(['tiefbauamt']);
    await test.tasks.complete(check, correct, 'mueller');
    await test.finished(key);
    expect(handOverOf(aktenzeichen)).toMatchObject({ rechnungsnummer: '123456XX', betrag: '336.90', amt: 'tiefbauamt' });
  });
});

describe('the four-eyes rule above the Wertgrenze', () => {
  it('refuses an approval by the clerk who checked the invoice and hands it over only after a second person approved', async () => {
    const { key, aktenzeichen } = await receive(sample('valid/01.14a-INVOICE_ubl.xml'));
    const check = await test.tasks.take(key, 'SachlichPruefen');
    expect(check.candidateGroups).toEqual(['schulverwaltung']);
    await test.tasks.complete(check, correct, 'mueller');

    const approval = await test.tasks.take(key, 'Freigeben');
    expect(approval.candidateGroups).toEqual(['rechnungsfreigabe']);
    // Typing a colleague's name changes nothing: the form has no such field, and the process takes who completed the task.
    await test.tasks.complete(approval, { freigabe: { ergebnis: 'FREIGEGEBEN', freigegebenVon: 'schmidt' } }, 'Mueller');
    const again = await test.tasks.take(key, 'Freigeben');
    expect(again.variables.abgelehnteFreigabeVon).toBe('Mueller');
    expect(handOverOf(aktenzeichen)).toBeUndefined();

    await test.tasks.complete(again, { freigabe: { ergebnis: 'FREIGEGEBEN' } }, 'schmidt');
    await test.finished(key);
    expect(handOverOf(aktenzeichen)).toMatchObject({ betrag: '12829.69', sachlichRichtig: 'mueller', freigabe: 'schmidt' });
  });

  it('sends the invoice back to the Amt when the approver returns it, and applies a Wertgrenze set for the instance', async () => {
    const { key, aktenzeichen } = await receive(sample('valid/01.01a-INVOICE_ubl.xml'), { fristen: later, grenzen: { vierAugenAbEuro: 300 } });
    await test.tasks.completeTask(key, 'SachlichPruefen', correct, 'mueller');
    await test.tasks.completeTask(key, 'Freigeben', { freigabe: { ergebnis: 'ZURUECK', vermerk: 'Kostenstelle fehlt die Unterkonto-Angabe' } }, 'schmidt');
    const recheck = await test.tasks.take(key, 'SachlichPruefen');
    expect(recheck.variables.freigabe).toMatchObject({ ergebnis: 'ZURUECK' });
    await test.tasks.complete(recheck, correct, 'meier');
    await test.tasks.completeTask(key, 'Freigeben', { freigabe: { ergebnis: 'FREIGEGEBEN' } }, 'schmidt');
    await test.finished(key);
    expect(handOverOf(aktenzeichen)).toMatchObject({ sachlichRichtig: 'meier', freigabe: 'schmidt' });
  });
});

describe('routing', () => {
  it('returns a misrouted invoice to the Rechnungseingang, which assigns it to the right Amt', async () => {
    const { key, aktenzeichen } = await receive(sample('valid/01.01a-INVOICE_ubl.xml'));
    await test.tasks.completeTask(key, 'SachlichPruefen', { pruefung: { ergebnis: 'FEHLGELEITET', fehlleitungGrund: 'Bauunterhalt Schule: Gebäudemanagement' } }, 'mueller');
    const triage = await test.tasks.take(key, 'Zuordnen');
    expect(triage.candidateGroups).toEqual(['rechnungseingang']);
    expect(triage.variables.pruefung).toMatchObject({ ergebnis: 'FEHLGELEITET' });
    await test.tasks.complete(triage, { zuordnung: { amt: 'gebaeudemanagement', vermerk: 'laut Amt' } });
    const check = await test.tasks.take(key, 'SachlichPruefen');
    expect(check.candidateGroups).toEqual(['gebaeudemanagement']);
    await test.tasks.complete(check, correct, 'wagner');
    await test.finished(key);
    expect(handOverOf(aktenzeichen)).toMatchObject({ amt: 'gebaeudemanagement', sachlichRichtig: 'wagner' });
  });

  it('sends an invoice whose Leitweg-ID has wrong check digits to the Rechnungseingang first (a warning, not a rejection)', async () => {
    const { key } = await receive(sample('valid/01.07a-INVOICE_ubl.xml'));
    const triage = await test.tasks.take(key, 'Zuordnen');
    expect(triage.variables.eingang).toMatchObject({ needsManualTriage: true, warnings: [expect.objectContaining({ rule: 'LEITWEG-ID-CHECK-DIGITS' })] });
    await test.tasks.complete(triage, { zuordnung: { amt: 'ordnungsamt' } });
    expect((await test.tasks.take(key, 'SachlichPruefen')).candidateGroups).toEqual(['ordnungsamt']);
  });

  it('rejects an invoice that breaks a fatal rule, for the Rechnungseingang to tell the seller', async () => {
    const { key } = await receive(sample('invalid/INV-03_totals-mismatch-BR-CO-15_ubl.xml'));
    const rejection = await test.tasks.take(key, 'Zurueckweisen');
    expect(rejection.candidateGroups).toEqual(['rechnungseingang']);
    expect(rejection.variables.invoiceViolations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'BR-CO-15' })]));
    await test.tasks.complete(rejection, { zurueckweisung: { mitteilung: 'Summen stimmen nicht (BR-CO-15).', lieferantInformiert: true } });
    await test.finished(key);
    expect(await test.tasks.hasNone(key, 'SachlichPruefen')).toBe(true);
  });
});

describe('deadlines', () => {
  it('reminds the Amt and the Kämmerei when the payment deadline is near, while the invoice waits', async () => {
    const { key } = await receive(sample('valid/01.01a-INVOICE_ubl.xml'), {});
    await eventually(() => test.mailsTo('tiefbauamt@leichlingen.de').length > 0, 10_000);
    const [reminder] = test.mailsTo('tiefbauamt@leichlingen.de');
    expect(reminder.recipients).toContain('kaemmerei@leichlingen.de');
    expect(reminder.message.headers.subject).toContain('Rechnung 123456XX');
    expect(reminder.message.parts[0].text).toContain('Die Frist endet am 2016-05-04');
    const check = await test.tasks.take(key, 'SachlichPruefen');
    await test.tasks.complete(check, correct, 'mueller');
    await test.finished(key);
  });

  it('reads the Skonto from BT-20 (#SKONTO#TAGE=7#PROZENT=2.00#) and sets the reminder two days before it ends', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const xml = sample('valid/01.01a-INVOICE_ubl.xml')
      .replace('<cbc:IssueDate>2016-04-04</cbc:IssueDate>', `<cbc:IssueDate>${today}</cbc:IssueDate>`)
      .replace('<cbc:Note>Zahlbar sofort ohne Abzug.</cbc:Note>', '<cbc:Note>#SKONTO#TAGE=7#PROZENT=2.00#\n</cbc:Note>');
    const { key } = await receive(xml, {});
    const check = await test.tasks.take(key, 'SachlichPruefen');
    const skontoBis = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const remindOn = new Date(Date.parse(`${today}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    expect(check.variables.rechnungsdaten).toMatchObject({ skontoTage: 7, skontoProzent: 2, skontoBis, fristende: skontoBis, eskalationAm: `${remindOn}T07:00:00Z` });
    const timer = [...test.bed.engine.running.engine.state.timers.values()].find((each) => String(each.processInstanceKey) === key)!;
    expect(timer).toMatchObject({ targetElementId: 'FristDroht', dueDate: Date.parse(`${remindOn}T07:00:00Z`) });
    await test.tasks.complete(check, correct, 'mueller');
    await test.finished(key);
  });
});
