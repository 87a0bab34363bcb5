/** The built-in connectors together: a Bescheid rendered as PDF and mailed in one process. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { connectorSecrets, readConnectorsConfig } from '../config.js';
import { bpmnProcess, connectorTask, flow, runToEnd, startConnectorTestBed, type ConnectorTestBed } from '../testing/connector-test-bed.js';
import { builtinConnectors } from './index.js';
import { startSmtpSink, type SmtpSink } from './mail/testing/smtp-sink.js';
import { pdfPageTexts } from './pdf/testing/pdf-text.js';

let smtp: SmtpSink;
let bed: ConnectorTestBed;

beforeAll(async () => {
  smtp = await startSmtpSink();
  const config = readConnectorsConfig({ AMTSFLOW_SMTP_URL: smtp.url, AMTSFLOW_MAIL_FROM: 'Stadt Leichlingen <noreply@leichlingen.de>' });
  bed = await startConnectorTestBed(await builtinConnectors(config, { logger: pino({ level: 'silent' }), secrets: connectorSecrets({}) }));
});
afterAll(async () => {
  await bed.destroy();
  await smtp.close();
});

describe('the built-in connectors', () => {
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
    const mail = smtp.received.at(-1)!.message;
    expect(mail.headers.subject).toBe('Bildiriminiz: Hundesteuerbescheid – dosya numarası 32-2025-0815');
    const attachment = mail.parts.find((part) => part.contentType === 'application/pdf')!;
    expect(attachment.filename).toBe('Hundesteuerbescheid-32-2025-0815.pdf');
    const [page] = await pdfPageTexts(attachment.bytes);
    expect(page).toContain('Hundesteuerbescheid');
    expect(page).toContain('125,00 €');
  });
});
