/**
 * Flowing text on A4 pages with pdf-lib: a cursor moves down, text is wrapped by the font's real glyph widths, a new
 * page starts when the next block would not fit. Only what official letters need: lines, paragraphs, amount rows.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 70, right: 60, top: 60, bottom: 70 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  grey?: boolean;
  /** Line height as a multiple of the size. */
  leading?: number;
}

export class PageWriter {
  page: PDFPage;
  /** Baseline of the next line, from the bottom of the page. */
  y: number;

  constructor(private readonly document: PDFDocument, private readonly fonts: Fonts) {
    this.page = document.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  /** One line at an absolute position, not moving the cursor (letterhead, address window, footer). */
  textAt(text: string, x: number, y: number, style: TextStyle = {}, page: PDFPage = this.page): void {
    page.drawText(text, { x, y, size: style.size ?? 10, font: style.bold ? this.fonts.bold : this.fonts.regular, color: style.grey ? GREY : BLACK });
  }

  widthOf(text: string, style: TextStyle = {}): number {
    return (style.bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(text, style.size ?? 10);
  }

  /** A paragraph wrapped to the content width; explicit line breaks are kept. */
  paragraph(text: string, style: TextStyle = {}, spaceAfter = 8): void {
    const size = style.size ?? 10;
    const lineHeight = size * (style.leading ?? 1.4);
    for (const line of this.wrap(text, style)) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      this.textAt(line, MARGIN.left, this.y, style);
    }
    this.y -= spaceAfter;
  }

  /** A label on the left and an amount right-aligned, e.g. one line of a tax assessment. */
  amountRow(label: string, amount: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const lineHeight = size * 1.6;
    const amountWidth = this.widthOf(amount, style);
    const labelLines = this.wrap(label, style, CONTENT_WIDTH - amountWidth - 20);
    this.ensureSpace(lineHeight * labelLines.length);
    labelLines.forEach((line, index) => {
      this.y -= lineHeight;
      this.textAt(line, MARGIN.left, this.y, style);
      if (index === 0) this.textAt(amount, A4.width - MARGIN.right - amountWidth, this.y, style);
    });
  }

  rule(spaceBefore = 4, spaceAfter = 2): void {
    this.ensureSpace(spaceBefore + spaceAfter);
    this.y -= spaceBefore;
    this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: A4.width - MARGIN.right, y: this.y }, thickness: 0.5, color: GREY });
    this.y -= spaceAfter;
  }

  space(points: number): void {
    this.y -= points;
  }

  ensureSpace(height: number): void {
    if (this.y - height >= MARGIN.bottom) return;
    this.page = this.document.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  private wrap(text: string, style: TextStyle, width = CONTENT_WIDTH): string[] {
    const lines: string[] = [];
    for (const source of text.split('\n')) {
      let line = '';
      for (const word of source.split(/\s+/).filter(Boolean)) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (line !== '' && this.widthOf(candidate, style) > width) {
          lines.push(line);
          line = word;
        } else {
          line = candidate;
        }
      }
      lines.push(line);
    }
    return lines;
  }
}
