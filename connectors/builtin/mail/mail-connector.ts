/**
 * Mail over SMTP (nodemailer): a template in the citizen's language, attachments from the document store. The SMTP
 * server and sender are the runtime's configuration, not the process manager's. A recipient the server refuses for
 * good (5xx) is a BPMN error `MAIL_REJECTED`, so the process can send by post instead; other failures are retried.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { ConnectorError, PermanentFailure } from '../../sdk/connector-error.js';
import { defineConnector, type Connector, type ConnectorContext } from '../../sdk/define-connector.js';
import { DocumentNotFoundError } from '../../sdk/documents.js';
import type { MailTemplateCatalog } from './mail-templates.js';

export interface MailInput {
  to: string;
  cc?: string[];
  bcc?: string[];
  replyTo?: string;
  template: string;
  language: string;
  variables: Record<string, unknown>;
  attachments?: { documentId: string; filename?: string }[];
}

export interface MailOutput {
  messageId: string;
  accepted: string[];
  /** Copies (cc, bcc) the server refused; a refused `to` is the BPMN error instead. */
  rejected: string[];
  language: string;
}

export interface MailConnectorOptions {
  /** nodemailer SMTP options or an `smtp://user:password@host:port` URL. */
  smtp: SMTPTransport.Options | string;
  /** The sender, e.g. `Stadt Leichlingen <noreply@leichlingen.de>`. */
  from: string;
  templates: MailTemplateCatalog;
  /** Sum of attachment sizes allowed in one mail. Default 20 MB (many mail servers refuse more than 25 MB). */
  maxAttachmentBytes?: number;
  retryBackoff?: { initialMs?: number; maxMs?: number };
}

export const MAIL_REJECTED = 'MAIL_REJECTED';

const emailList = { type: 'array', items: { type: 'string', format: 'email' } } as const;

export function mailConnector(options: MailConnectorOptions): Connector<MailInput, MailOutput> {
  const transport = nodemailer.createTransport(options.smtp);
  const maxAttachmentBytes = options.maxAttachmentBytes ?? 20 * 1024 * 1024;
  const languages = options.templates.languages;
  return defineConnector<MailInput, MailOutput>({
    type: 'amtsflow:mail:1',
    name: 'E-Mail',
    description: 'Sends a mail from a template in the recipient\'s language, with documents attached',
    keywords: ['mail', 'e-mail', 'smtp', 'notification', 'Bescheid'],
    groups: [{ id: 'input', label: 'Message' }, { id: 'recipients', label: 'Recipients' }],
    input: {
      type: 'object',
      required: ['to', 'template', 'language', 'variables'],
      properties: {
        to: { type: 'string', format: 'email', title: 'To', description: 'e.g. =antrag.email', 'x-template': { group: 'recipients' } },
        cc: { ...emailList, title: 'Cc', 'x-template': { group: 'recipients' } },
        bcc: { ...emailList, title: 'Bcc', 'x-template': { group: 'recipients' } },
        replyTo: { type: 'string', format: 'email', title: 'Reply to', 'x-template': { group: 'recipients' } },
        template: { type: 'string', title: 'Template', enum: options.templates.ids, 'x-template': { binding: 'header' } },
        // No enum: a language the citizen chose but the template lacks is not an error, it falls back to German.
        language: {
          type: 'string', title: 'Language', pattern: '^[a-z]{2,3}$', default: 'de',
          description: `Language code, e.g. =antrag.sprache; templates have ${languages.join(', ')}; others fall back to German`,
        },
        variables: { type: 'object', title: 'Template variables', description: 'e.g. ={ name: antrag.name, reference: aktenzeichen }' },
        attachments: {
          type: 'array', title: 'Attachments', description: 'Documents from earlier tasks, e.g. =[bescheid]',
          items: { type: 'object', required: ['documentId'], properties: { documentId: { type: 'string' }, filename: { type: 'string' } } },
        },
      },
    },
    output: { type: 'object', required: ['messageId', 'accepted', 'language'], properties: { messageId: { type: 'string' }, accepted: { type: 'array' }, language: { type: 'string' } } },
    errors: [{ code: MAIL_REJECTED, description: 'The mail server refused a recipient for good; send by post instead' }],
    timeoutMs: 120_000,
    ...(options.retryBackoff ? { retryBackoff: options.retryBackoff } : {}),
    async run(input, context) {
      const mail = options.templates.render(input.template, input.language, input.variables);
      const attachments = await loadAttachments(input.attachments ?? [], context, maxAttachmentBytes);
      const hostname = /@([^>\s]+)/.exec(options.from)?.[1] ?? 'amtsflow.local';
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: input.to,
          cc: input.cc,
          bcc: input.bcc,
          replyTo: input.replyTo,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments,
          headers: { 'Content-Language': mail.language },
          // The same task always sends the same Message-ID, so a retry after a lost answer can be recognised as a duplicate.
          messageId: `<${context.job.processInstanceKey}.${context.job.elementInstanceKey}@${hostname}>`,
        });
        const rejected = (info.rejected as (string | { address: string })[]).map((address) => (typeof address === 'string' ? address : address.address));
        // Copies may have gone out; what matters is whether the citizen got it.
        if (rejected.includes(input.to)) {
          throw new ConnectorError(MAIL_REJECTED, `The mail server refused the recipient ${input.to}`, { mailRejected: rejected });
        }
        context.logger.info({ language: mail.language, attachments: attachments.length, rejected: rejected.length }, 'Mail sent');
        return { messageId: info.messageId, accepted: info.accepted.map(String), rejected, language: mail.language };
      } catch (error) {
        if (error instanceof ConnectorError) throw error;
        const responseCode = (error as { responseCode?: number }).responseCode;
        if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) {
          throw new ConnectorError(MAIL_REJECTED, `The mail server refused the mail: ${(error as Error).message}`, { mailRejected: [input.to] });
        }
        throw error;
      }
    },
  });
}

async function loadAttachments(references: { documentId: string; filename?: string }[], context: ConnectorContext, maxBytes: number) {
  let total = 0;
  const attachments = [];
  for (const reference of references) {
    try {
      const { reference: stored, bytes } = await context.documents.get(reference.documentId);
      total += bytes.byteLength;
      if (total > maxBytes) throw new PermanentFailure(`The attachments are larger than the ${maxBytes} bytes a mail may carry`);
      attachments.push({ filename: reference.filename ?? stored.filename, content: Buffer.from(bytes), contentType: stored.contentType });
    } catch (error) {
      if (error instanceof DocumentNotFoundError) throw new PermanentFailure(`Attachment '${reference.documentId}' does not exist`);
      throw error;
    }
  }
  return attachments;
}
