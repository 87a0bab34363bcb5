/**
 * PDF documents: renders a Bescheid or Quittung with pdf-lib and stores it as a document of the process instance.
 * The task gets a `DocumentReference`, never the bytes; the mail connector attaches it, the e-Akte connector files it.
 */
import { defineConnector, type Connector } from '../../sdk/define-connector.js';
import type { DocumentReference } from '../../sdk/documents.js';
import type { JsonSchema } from '../../sdk/json-schema.js';
import { renderNotice, type NoticeContent } from './notice-document.js';
import { FontLoader } from './pdf-fonts.js';

export interface PdfOutput extends DocumentReference {
  pages: number;
}

export interface PdfConnectorOptions {
  fonts?: FontLoader;
}

const text = { type: 'string', minLength: 1 } as const;
const textList: JsonSchema = { type: 'array', items: { type: 'string' } };

export function pdfDocumentConnector(options: PdfConnectorOptions = {}): Connector<NoticeContent & { filename?: string }, PdfOutput> {
  const fonts = options.fonts ?? new FontLoader();
  return defineConnector<NoticeContent & { filename?: string }, PdfOutput>({
    type: 'amtsflow:pdf-document:1',
    name: 'PDF-Dokument (Bescheid, Quittung)',
    description: 'Renders a notice or receipt as PDF and stores it as a document of the instance',
    keywords: ['pdf', 'Bescheid', 'Quittung', 'document'],
    groups: [{ id: 'input', label: 'Document' }, { id: 'amounts', label: 'Amounts' }],
    input: {
      type: 'object',
      required: ['kind', 'sender', 'recipient', 'title', 'reference', 'paragraphs'],
      properties: {
        kind: { type: 'string', title: 'Kind', enum: ['bescheid', 'quittung'], default: 'bescheid', 'x-template': { binding: 'header', choiceLabels: ['Bescheid', 'Quittung'] } },
        title: { ...text, title: 'Title', description: 'e.g. Hundesteuerbescheid' },
        reference: { ...text, title: 'Aktenzeichen / Kassenzeichen' },
        date: { type: 'string', format: 'date', title: 'Date', description: 'ISO date; today when empty' },
        sender: {
          type: 'object', title: 'Sender (letterhead)', required: ['name'],
          description: 'e.g. ={ name: "Stadt Leichlingen", department: "Kämmerei – Steueramt", lines: ["Am Büscherhof 1", "42799 Leichlingen"] }',
          properties: { name: text, department: { type: 'string' }, lines: textList },
        },
        recipient: {
          type: 'object', title: 'Recipient', required: ['name', 'lines'],
          description: 'e.g. ={ name: antrag.name, lines: [antrag.strasse, antrag.plz + " " + antrag.ort] }',
          properties: { name: text, lines: textList },
        },
        salutation: { type: 'string', title: 'Salutation' },
        paragraphs: { ...textList, title: 'Paragraphs', minItems: 1 },
        items: {
          type: 'array', title: 'Amounts', description: 'Whole cents: =[{ label: "Hundesteuer 2025", amountCents: 12500 }]', 'x-template': { group: 'amounts' },
          items: { type: 'object', required: ['label', 'amountCents'], properties: { label: text, amountCents: { type: 'integer' } } },
        },
        totalLabel: { type: 'string', title: 'Total label', 'x-template': { group: 'amounts' } },
        sections: {
          type: 'array', title: 'Sections', description: 'e.g. the Rechtsbehelfsbelehrung',
          items: { type: 'object', required: ['heading', 'text'], properties: { heading: text, text } },
        },
        signature: { type: 'string', title: 'Signature', 'x-template': { multiline: true } },
        filename: { type: 'string', title: 'File name', pattern: '^[^/\\\\]+\\.pdf$' },
      },
    },
    output: { type: 'object', required: ['documentId', 'sha256', 'pages'], properties: { documentId: { type: 'string' }, sha256: { type: 'string' }, pages: { type: 'integer' } } },
    resultVariable: 'document',
    async run(input, context) {
      const { bytes, pages } = await renderNotice(input, await fonts.fonts(), new Date().toISOString().slice(0, 10));
      const filename = input.filename ?? `${input.title}-${input.reference}.pdf`.replace(/[^\p{L}\p{N}._-]+/gu, '_');
      const reference = await context.documents.put({ processInstanceKey: context.job.processInstanceKey, filename, contentType: 'application/pdf', bytes });
      context.logger.info({ documentId: reference.documentId, pages, size: reference.size }, 'PDF stored');
      return { ...reference, pages };
    },
  });
}
