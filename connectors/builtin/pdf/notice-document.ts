/**
 * A Bescheid or Quittung as PDF, laid out like a German official letter (DIN 5008 in outline): letterhead, return
 * address over the window address, reference and date, title, text, amounts with their total, sections such as the
 * Rechtsbehelfsbelehrung, page numbers.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { formatEuroCents, formatGermanDate } from './money.js';
import { A4, MARGIN, PageWriter } from './page-writer.js';
import type { FontFiles } from './pdf-fonts.js';

export interface NoticeContent {
  kind: 'bescheid' | 'quittung';
  sender: { name: string; department?: string; lines?: string[] };
  recipient: { name: string; lines: string[] };
  title: string;
  reference: string;
  /** ISO date; the day of the job when missing. */
  date?: string;
  salutation?: string;
  paragraphs: string[];
  items?: { label: string; amountCents: number }[];
  totalLabel?: string;
  sections?: { heading: string; text: string }[];
  signature?: string;
}

/** The window of a DIN 5008 form B envelope: 45 mm from the top, 20 mm from the left. */
const WINDOW = { x: 57, top: A4.height - 128 };

export async function renderNotice(content: NoticeContent, fontFiles: FontFiles, today: string): Promise<{ bytes: Uint8Array; pages: number }> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const fonts = { regular: await document.embedFont(fontFiles.regular, { subset: true }), bold: await document.embedFont(fontFiles.bold, { subset: true }) };
  document.setTitle(`${content.title} ${content.reference}`);
  document.setAuthor(content.sender.name);
  document.setSubject(content.kind === 'bescheid' ? 'Bescheid' : 'Quittung');
  document.setLanguage('de-DE');
  document.setProducer('amtsflow');
  document.setCreator('amtsflow');

  const writer = new PageWriter(document, fonts);
  letterhead(writer, content, content.date ?? today);
  writer.y = WINDOW.top - 150;
  writer.paragraph(content.title, { size: 14, bold: true }, 12);
  if (content.salutation) writer.paragraph(content.salutation);
  for (const paragraph of content.paragraphs) writer.paragraph(paragraph);
  if (content.items && content.items.length > 0) amounts(writer, content.items, content.totalLabel ?? (content.kind === 'quittung' ? 'Bezahlt' : 'Gesamtbetrag'));
  for (const section of content.sections ?? []) {
    writer.ensureSpace(40);
    writer.paragraph(section.heading, { bold: true }, 2);
    writer.paragraph(section.text, { size: 9 });
  }
  if (content.signature) {
    writer.space(10);
    writer.paragraph(content.signature);
  }
  pageNumbers(writer, document);
  return { bytes: await document.save(), pages: document.getPageCount() };
}

function letterhead(writer: PageWriter, content: NoticeContent, date: string): void {
  const top = A4.height - MARGIN.top;
  writer.textAt(content.sender.name, MARGIN.left, top - 14, { size: 14, bold: true });
  const senderLines = [content.sender.department, ...(content.sender.lines ?? [])].filter((line): line is string => Boolean(line));
  senderLines.forEach((line, index) => writer.textAt(line, MARGIN.left, top - 30 - index * 11, { size: 9, grey: true }));
  const returnAddress = [content.sender.name, ...(content.sender.lines ?? [])].join(' · ');
  writer.textAt(returnAddress, WINDOW.x, WINDOW.top, { size: 7, grey: true });
  [content.recipient.name, ...content.recipient.lines].forEach((line, index) => writer.textAt(line, WINDOW.x, WINDOW.top - 16 - index * 13, { size: 10.5 }));
  const infoX = A4.width - MARGIN.right - 170;
  const referenceLabel = content.kind === 'quittung' ? 'Kassenzeichen' : 'Aktenzeichen';
  writer.textAt(`${referenceLabel}: ${content.reference}`, infoX, WINDOW.top - 16, { size: 9 });
  writer.textAt(`Datum: ${formatGermanDate(date)}`, infoX, WINDOW.top - 29, { size: 9 });
}

function amounts(writer: PageWriter, items: { label: string; amountCents: number }[], totalLabel: string): void {
  writer.space(4);
  for (const item of items) writer.amountRow(item.label, formatEuroCents(item.amountCents));
  writer.rule();
  const total = items.reduce((sum, item) => sum + item.amountCents, 0);
  writer.amountRow(totalLabel, formatEuroCents(total), { bold: true });
  writer.space(12);
}

function pageNumbers(writer: PageWriter, document: PDFDocument): void {
  const pages = document.getPages();
  pages.forEach((page, index) => {
    const label = `Seite ${index + 1} von ${pages.length}`;
    writer.textAt(label, (A4.width - writer.widthOf(label, { size: 8 })) / 2, MARGIN.bottom / 2, { size: 8, grey: true }, page);
  });
}
