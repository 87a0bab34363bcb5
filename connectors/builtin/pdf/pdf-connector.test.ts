/** The PDF connector through the embedded engine; the PDF is read back from the document store and its text checked. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { connectorProcess, deployAndStart, incidentOf, runToEnd, startConnectorTestBed, type ConnectorTestBed } from '../../testing/connector-test-bed.js';
import { formatEuroCents, formatGermanDate } from './money.js';
import { pdfDocumentConnector, type PdfOutput } from './pdf-connector.js';
import { FontLoader } from './pdf-fonts.js';
import { pdfPageTexts } from './testing/pdf-text.js';

let bed: ConnectorTestBed;
beforeAll(async () => {
  bed = await startConnectorTestBed([pdfDocumentConnector()]);
});
afterAll(async () => bed.destroy());

const TYPE = 'amtsflow:pdf-document:1';
const sender = '={ name: "Stadt Leichlingen", department: "Kämmerei – Steueramt", lines: ["Am Büscherhof 1", "42799 Leichlingen"] }';
const hundesteuer = {
  inputs: {
    title: 'Hundesteuerbescheid',
    reference: '=aktenzeichen',
    date: '2025-03-01',
    sender,
    recipient: '={ name: antrag.name, lines: [antrag.strasse, antrag.ort] }',
    salutation: '="Sehr geehrte " + antrag.name + ","',
    paragraphs: '=["für Ihren Hund " + hund.name + " (Rasse: " + hund.rasse + ", Größe: " + string(hund.groesseCm) + " cm, Gewicht: " + string(hund.gewichtKg) + " kg) setzen wir die Hundesteuer wie folgt fest:"]',
    items: '=[{ label: "Hundesteuer 2025 (ein Hund)", amountCents: 12500 }, { label: "Zuschlag gefährlicher Hund nach Satzung", amountCents: 75000 }]',
    sections: '=[{ heading: "Rechtsbehelfsbelehrung", text: "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim Verwaltungsgericht Köln erhoben werden." }]',
    signature: 'Im Auftrag\nMüller',
  },
  headers: { kind: 'bescheid', resultVariable: 'bescheid' },
};
const instance = {
  aktenzeichen: '32-2025-0815',
  antrag: { name: 'Frau Jülich', strasse: 'Hauptstraße 5', ort: '42799 Leichlingen' },
  hund: { name: 'Bruno', rasse: 'Rottweiler', groesseCm: 62, gewichtKg: 45 },
};

describe('the PDF document connector', () => {
  it('renders a Hundesteuerbescheid with German text and amounts and stores it as a document of the instance', async () => {
    const variables = await runToEnd(bed, 'pdf-bescheid', connectorProcess('pdf-bescheid', TYPE, hundesteuer), instance);
    const reference = variables.bescheid as PdfOutput;
    expect(reference).toMatchObject({ contentType: 'application/pdf', filename: 'Hundesteuerbescheid-32-2025-0815.pdf', pages: 1 });
    const { bytes } = await bed.documents.get(reference.documentId);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(reference.sha256);
    const [page] = await pdfPageTexts(bytes);
    const lines = page.split('\n');
    expect(lines).toContain('Hundesteuerbescheid');
    expect(lines).toContain('Kämmerei – Steueramt');
    expect(lines).toContain('Aktenzeichen: 32-2025-0815');
    expect(lines).toContain('Datum: 01.03.2025');
    expect(lines).toContain('Sehr geehrte Frau Jülich,');
    expect(page).toContain('Größe: 62 cm');
    expect(lines).toContain('125,00 €');
    expect(lines).toContain('750,00 €');
    expect(lines).toContain('875,00 €');
    expect(lines).toContain('Gesamtbetrag');
    expect(lines).toContain('Rechtsbehelfsbelehrung');
    expect(lines).toContain('Seite 1 von 1');
    expect(reference.processInstanceKey).toMatch(/^\d+$/);
  });

  it('continues on further pages when the text is long, numbering them', async () => {
    const long = { ...hundesteuer, inputs: { ...hundesteuer.inputs, paragraphs: '=for i in 1..60 return "Absatz " + string(i) + ": Die Steuer wird jährlich zum 1. Juli fällig und ist unter Angabe des Kassenzeichens zu überweisen."' } };
    const variables = await runToEnd(bed, 'pdf-long', connectorProcess('pdf-long', TYPE, long), instance);
    const reference = variables.bescheid as PdfOutput;
    expect(reference.pages).toBeGreaterThan(1);
    const pages = await pdfPageTexts((await bed.documents.get(reference.documentId)).bytes);
    expect(pages).toHaveLength(reference.pages);
    expect(pages.at(-1)).toContain(`Seite ${reference.pages} von ${reference.pages}`);
    expect(pages.join('\n')).toContain('Absatz 60: Die Steuer wird jährlich');
  });

  it('renders a Quittung with the Kassenzeichen', async () => {
    const receipt = {
      inputs: { title: 'Quittung', reference: 'K-2025-4711', sender, recipient: '={ name: "Herr Öztürk", lines: ["Brückenstraße 2", "42799 Leichlingen"] }', paragraphs: '=["Wir bestätigen den Eingang Ihrer Zahlung."]', items: '=[{ label: "Fundsache: Finderlohn", amountCents: 108000 }]' },
      headers: { kind: 'quittung', resultVariable: 'quittung' },
    };
    const variables = await runToEnd(bed, 'pdf-quittung', connectorProcess('pdf-quittung', TYPE, receipt));
    const [page] = await pdfPageTexts((await bed.documents.get((variables.quittung as PdfOutput).documentId)).bytes);
    expect(page).toContain('Kassenzeichen: K-2025-4711');
    expect(page).toContain('Herr Öztürk');
    expect(page.split('\n')).toEqual(expect.arrayContaining(['Bezahlt', '1.080,00 €']));
  });

  it('raises an incident naming an amount that is not whole cents', async () => {
    const bad = { ...hundesteuer, inputs: { ...hundesteuer.inputs, items: '=[{ label: "Hundesteuer", amountCents: 125.5 }]' } };
    const key = await deployAndStart(bed, 'pdf-bad', connectorProcess('pdf-bad', TYPE, bad), instance);
    expect((await incidentOf(bed, key)).errorMessage).toContain("input 'items[0].amountCents' must be integer");
  });

  it('fails with a clear message when the fonts are missing', async () => {
    await expect(new FontLoader('/nonexistent').fonts()).rejects.toThrow('Font DejaVuSans.ttf not found in /nonexistent');
  });
});

describe('amounts and dates in German', () => {
  it('formats whole cents without floating point', () => {
    expect(formatEuroCents(12_500)).toBe('125,00 €');
    expect(formatEuroCents(108_000)).toBe('1.080,00 €');
    expect(formatEuroCents(5)).toBe('0,05 €');
    expect(formatEuroCents(-1_234_567_89)).toBe('−1.234.567,89 €');
    expect(() => formatEuroCents(0.1 + 0.2)).toThrow(RangeError);
    expect(formatGermanDate('2025-07-01')).toBe('01.07.2025');
  });
});
