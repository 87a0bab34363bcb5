/** The built-in connectors together: their templates, and a Bescheid rendered as PDF and mailed in one process. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { readConnectorsConfig } from '../config.js';
import { elementTemplateProblems } from '../templates/element-template-schema.js';
import { bpmnProcess, connectorTask, flow, runToEnd, startConnectorTestBed, type ConnectorTestBed } from '../testing/connector-test-bed.js';
import { builtinConnectors, builtinElementTemplates } from './index.js';
import { parseMimeMessage, type MimeMessage } from './mail/testing/mime-message.js';
import { pdfPageTexts } from './pdf/testing/pdf-text.js';

const received: MimeMessage[] = [];
let smtp: SMTPServer;
let smtpUrl: string;
let bed: ConnectorTestBed;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(parseMimeMessage(Buffer.concat(chunks).toString('utf8')));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}/?ignoreTLS=true`;
  const config = readConnectorsConfig({ AMTSFLOW_SMTP_URL: smtpUrl, AMTSFLOW_MAIL_FROM: 'Stadt Leichlingen <noreply@leichlingen.de>' });
  bed = await startConnectorTestBed(await builtinConnectors(config));
});
afterAll(async () => {
  await bed.destroy();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('the built-in connectors', () => {
  it('have element templates that are valid against the Zeebe element template schema', async () => {
    const templates = await builtinElementTemplates({ smtp: { url: smtpUrl, from: 'x@leichlingen.de' }, pdfFontDir: '/usr/share/fonts/truetype/dejavu' });
    expect(templates.map((template) => template.id).sort()).toEqual(['amtsflow:http-json:1', 'amtsflow:mail:1', 'amtsflow:pdf-document:1']);
    for (const template of templates) expect({ id: template.id, problems: elementTemplateProblems(template) }).toEqual({ id: template.id, problems: [] });
  });

  it('render a Hundesteuerbescheid and mail it to the citizen with the PDF attached', async () => {
    const body = [
      '<bpmn:startEvent id="start" />',
      connectorTask('render', 'amtsflow:pdf-document:1', {
        inputs: {
          title: 'Hundesteuerbescheid', reference: '=aktenzeichen',
          sender: '={ name: "Stadt Leichlingen", lines: ["Am Büscherhof 1", "42799 Leichlingen"] }',
          recipient: '={ name: antrag.name, lines: ["Hauptstraße 5", "42799 Leichlingen"] }',
          paragraphs: '=["Die Hundesteuer für Ihren Hund wird wie folgt festgesetzt:"]',
          items: '=[{ label: "Hundesteuer 2025", amountCents: 12500 }]',
        },
        headers: { kind: 'bescheid', resultVariable: 'bescheid' },
      }),
      connectorTask('mail', 'amtsflow:mail:1', {
        inputs: {
          to: '=antrag.email', language: '=antrag.sprache', attachments: '=[bescheid]',
          variables: '={ name: antrag.name, title: "Hundesteuerbescheid", reference: aktenzeichen, authority: "Stadt Leichlingen" }',
        },
        headers: { template: 'bescheid-versand', resultVariable: 'versand' },
      }),
      '<bpmn:endEvent id="end" />',
      flow('f1', 'start', 'render'), flow('f2', 'render', 'mail'), flow('f3', 'mail', 'end'),
    ].join('');
    const variables = await runToEnd(bed, 'hundesteuer', bpmnProcess('hundesteuer', body), {
      aktenzeichen: '32-2025-0815', antrag: { name: 'Herr Yılmaz', email: 'm.yilmaz@example.org', sprache: 'tr' },
    });
    expect(variables.versand).toMatchObject({ accepted: ['m.yilmaz@example.org'], language: 'tr' });
    const mail = received.at(-1)!;
    expect(mail.headers.subject).toBe('Bildiriminiz: Hundesteuerbescheid – dosya numarası 32-2025-0815');
    const attachment = mail.parts.find((part) => part.contentType === 'application/pdf')!;
    expect(attachment.filename).toBe('Hundesteuerbescheid-32-2025-0815.pdf');
    const [page] = await pdfPageTexts(attachment.bytes);
    expect(page).toContain('Hundesteuerbescheid');
    expect(page).toContain('125,00 €');
  });
});
