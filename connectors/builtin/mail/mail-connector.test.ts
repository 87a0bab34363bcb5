/** The mail connector against a local smtp-server, through the embedded engine. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DocumentReference } from '../../sdk/documents.js';
import {
  bpmnProcess, connectorProcess, connectorTask, deployAndStart, flow, incidentOf, runToEnd, startConnectorTestBed, type ConnectorTestBed,
} from '../../testing/connector-test-bed.js';
import { mailConnector } from './mail-connector.js';
import { BUILTIN_MAIL_TEMPLATE_DIR, MailTemplateCatalog } from './mail-templates.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from './testing/smtp-sink.js';

let smtp: SmtpSink;
let bed: ConnectorTestBed;
let bescheid: DocumentReference;
const pdfBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);

beforeAll(async () => {
  smtp = await startSmtpSink();
  const templates = await MailTemplateCatalog.fromDirectories([BUILTIN_MAIL_TEMPLATE_DIR]);
  const connector = mailConnector({
    smtp: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true },
    from: 'Stadt Leichlingen <noreply@leichlingen.de>',
    templates,
    retryBackoff: { initialMs: 10 },
  });
  bed = await startConnectorTestBed([connector]);
  bescheid = await bed.documents.put({ processInstanceKey: '1', filename: 'Hundesteuerbescheid.pdf', contentType: 'application/pdf', bytes: pdfBytes });
});
afterAll(async () => {
  await bed.destroy();
  await smtp.close();
});

const TYPE = 'amtsflow:mail:1';
const setup = (language: string, to = '=antrag.email') => ({
  inputs: {
    to,
    cc: '=["kaemmerei@leichlingen.de"]',
    language,
    variables: '={ name: antrag.name, title: "Hundesteuerbescheid", reference: "32-2025-0815", authority: "Stadt Leichlingen, Kämmerei" }',
    attachments: '=[bescheid]',
  },
  headers: { template: 'bescheid-versand', resultVariable: 'mail' },
});
const antrag = { email: 'a.schmitz@example.org', name: 'Frau Schmitz' };

function lastTo(address: string): ReceivedMail {
  const mail = smtp.received.filter((each) => each.recipients.includes(address)).at(-1);
  if (!mail) throw new Error(`No mail to ${address}`);
  return mail;
}

describe('the mail connector', () => {
  it('sends the German notice with the PDF attached to the recipients', async () => {
    const variables = await runToEnd(bed, 'mail-de', connectorProcess('mail-de', TYPE, setup('de')), { antrag, bescheid });
    const mail = lastTo('a.schmitz@example.org');
    expect(mail.from).toBe('noreply@leichlingen.de');
    expect(mail.recipients.sort()).toEqual(['a.schmitz@example.org', 'kaemmerei@leichlingen.de']);
    expect(mail.message.headers.subject).toBe('Hundesteuerbescheid – Aktenzeichen 32-2025-0815');
    expect(mail.message.headers['content-language']).toBe('de');
    const text = mail.message.parts.find((part) => part.contentType === 'text/plain')!;
    expect(text.text).toContain('Guten Tag Frau Schmitz,');
    expect(text.text).toContain('Mit freundlichen Grüßen\r\nStadt Leichlingen, Kämmerei');
    const attachment = mail.message.parts.find((part) => part.contentType === 'application/pdf')!;
    expect(attachment.filename).toBe('Hundesteuerbescheid.pdf');
    expect(attachment.bytes.equals(pdfBytes)).toBe(true);
    expect(variables.mail).toMatchObject({ accepted: ['a.schmitz@example.org', 'kaemmerei@leichlingen.de'], language: 'de' });
    expect(mail.message.headers['message-id']).toBe((variables.mail as { messageId: string }).messageId);
  });

  it('writes Arabic right to left', async () => {
    await runToEnd(bed, 'mail-ar', connectorProcess('mail-ar', TYPE, setup('ar', 'k.haddad@example.org')), { antrag, bescheid });
    const mail = lastTo('k.haddad@example.org');
    expect(mail.message.headers.subject).toBe('قراركم: Hundesteuerbescheid – رقم الملف 32-2025-0815');
    const html = mail.message.parts.find((part) => part.contentType === 'text/html')!.text;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.message.parts.find((part) => part.contentType === 'text/plain')!.text).toContain('تجدون في المرفق القرار «Hundesteuerbescheid»');
  });

  it.each([
    ['en', 'e.brown@example.org', 'Your notice: Hundesteuerbescheid – reference 32-2025-0815', 'The German notice is legally binding.'],
    ['tr', 'm.yilmaz@example.org', 'Bildiriminiz: Hundesteuerbescheid – dosya numarası 32-2025-0815', 'Sayın Frau Schmitz,'],
    ['uk', 'o.koval@example.org', 'Ваше рішення: Hundesteuerbescheid – номер справи 32-2025-0815', 'Юридично обов\'язковим є рішення німецькою мовою.'],
  ])('writes in %s', async (language, to, subject, sentence) => {
    await runToEnd(bed, `mail-${language}`, connectorProcess(`mail-${language}`, TYPE, setup(language, to)), { antrag, bescheid });
    const mail = lastTo(to);
    expect(mail.message.headers.subject).toBe(subject);
    expect(mail.message.parts.find((part) => part.contentType === 'text/plain')!.text).toContain(sentence);
  });

  it('falls back to German for a language the template lacks', async () => {
    const variables = await runToEnd(bed, 'mail-fr', connectorProcess('mail-fr', TYPE, setup('fr', 'j.dupont@example.org')), { antrag, bescheid });
    expect(lastTo('j.dupont@example.org').message.headers.subject).toBe('Hundesteuerbescheid – Aktenzeichen 32-2025-0815');
    expect((variables.mail as { language: string }).language).toBe('de');
  });

  it('throws MAIL_REJECTED when the server refuses the recipient (though it took the copy), so the process can send by post', async () => {
    const body = ['<bpmn:startEvent id="start" />', connectorTask('task', TYPE, setup('de', 'unbekannt@example.org')),
      '<bpmn:boundaryEvent id="rejected" attachedToRef="task"><bpmn:errorEventDefinition errorRef="E" /></bpmn:boundaryEvent>',
      '<bpmn:scriptTask id="post"><bpmn:extensionElements><zeebe:script expression="=&quot;Post&quot;" resultVariable="channel" /></bpmn:extensionElements></bpmn:scriptTask>',
      '<bpmn:endEvent id="end" />', '<bpmn:endEvent id="end2" />',
      flow('f1', 'start', 'task'), flow('f2', 'task', 'end'), flow('f3', 'rejected', 'post'), flow('f4', 'post', 'end2')].join('');
    const variables = await runToEnd(bed, 'mail-rejected', bpmnProcess('mail-rejected', body, '<bpmn:error id="E" name="rejected" errorCode="MAIL_REJECTED" />'), { antrag, bescheid });
    expect(variables.channel).toBe('Post');
  });

  it('raises an incident naming a template variable the task does not give', async () => {
    const incomplete = { ...setup('de'), inputs: { ...setup('de').inputs, variables: '={ name: antrag.name }' } };
    const processInstanceKey = await deployAndStart(bed, 'mail-incomplete', connectorProcess('mail-incomplete', TYPE, incomplete), { antrag, bescheid });
    expect((await incidentOf(bed, processInstanceKey)).errorMessage).toBe("Mail template bescheid-versand (de) needs the variable 'title'");
  });

  it('refuses an invalid address before anything is sent', async () => {
    const processInstanceKey = await deployAndStart(bed, 'mail-invalid', connectorProcess('mail-invalid', TYPE, setup('de', 'keine-adresse')), { antrag, bescheid });
    expect((await incidentOf(bed, processInstanceKey)).errorMessage).toContain(`input 'to' must match format "email"`);
  });
});
