/** The built-in connectors, set up from the runtime configuration. */
import type { ConnectorsConfig } from '../config.js';
import type { Connector } from '../sdk/define-connector.js';
import type { ElementTemplate } from '../templates/element-template.js';
import { elementTemplatesOf } from '../templates/element-templates.js';
import { httpConnector } from './http/http-connector.js';
import { mailConnector } from './mail/mail-connector.js';
import { BUILTIN_MAIL_TEMPLATE_DIR, MailTemplateCatalog } from './mail/mail-templates.js';
import { pdfDocumentConnector } from './pdf/pdf-connector.js';
import { FontLoader } from './pdf/pdf-fonts.js';

export { httpConnector, type HttpConnectorOptions, type HttpInput, type HttpOutput, HTTP_CLIENT_ERROR } from './http/http-connector.js';
export { OAuthTokenCache } from './http/oauth-token-cache.js';
export { mailConnector, type MailConnectorOptions, type MailInput, type MailOutput, MAIL_REJECTED } from './mail/mail-connector.js';
export { MailTemplateCatalog, BUILTIN_MAIL_TEMPLATE_DIR, type MailTemplate, type MailText } from './mail/mail-templates.js';
export { pdfDocumentConnector, type PdfOutput } from './pdf/pdf-connector.js';
export type { NoticeContent } from './pdf/notice-document.js';
export { FontLoader } from './pdf/pdf-fonts.js';

export type BuiltinConnectorSettings = Pick<ConnectorsConfig, 'smtp' | 'mailTemplateDir' | 'pdfFontDir'>;

/** HTTP and PDF always; mail when an SMTP server is configured. */
export async function builtinConnectors(settings: BuiltinConnectorSettings): Promise<Connector<never, unknown>[]> {
  const connectors: Connector<never, unknown>[] = [httpConnector(), pdfDocumentConnector({ fonts: new FontLoader(settings.pdfFontDir) })];
  if (settings.smtp) {
    const templateDirs = [BUILTIN_MAIL_TEMPLATE_DIR, ...(settings.mailTemplateDir ? [settings.mailTemplateDir] : [])];
    connectors.push(mailConnector({ smtp: settings.smtp.url, from: settings.smtp.from, templates: await MailTemplateCatalog.fromDirectories(templateDirs) }));
  }
  return connectors;
}

/** The element templates of the built-in connectors, as the designer gets them. */
export async function builtinElementTemplates(settings: BuiltinConnectorSettings): Promise<ElementTemplate[]> {
  return elementTemplatesOf(await builtinConnectors(settings));
}
