/**
 * The built-in connectors, and the one registry that sets them up from the configuration: `builtinConnectors`. A
 * built-in whose configuration is missing is left out, with one log line saying why.
 */
import type { Logger } from 'pino';
import { PAYMENT_CLIENT_SECRET, type ConnectorsConfig } from '../config.js';
import type { Connector, SecretProvider, SqlExecutor } from '../sdk/index.js';
import type { ElementTemplate } from '../templates/element-template.js';
import { elementTemplatesOf } from '../templates/element-templates.js';
import { EAkte } from './e-akte/e-akte.js';
import { eAkteConnectors } from './e-akte/e-akte-connectors.js';
import { PostgresEAkteAdapter } from './e-akte/postgres/postgres-e-akte-adapter.js';
import { httpConnector } from './http/http-connector.js';
import { mailConnector } from './mail/mail-connector.js';
import { BUILTIN_MAIL_TEMPLATE_DIR, MailTemplateCatalog } from './mail/mail-templates.js';
import { paymentConnectors } from './payment/payment-connectors.js';
import { PaymentLedger } from './payment/payment-ledger.js';
import { PaymentService } from './payment/payment-service.js';
import { XBezahldiensteClient } from './payment/xbezahldienste-client.js';
import { pdfDocumentConnector } from './pdf/pdf-connector.js';
import { FontLoader } from './pdf/pdf-fonts.js';
import { xrechnungIntakeConnector } from './xrechnung/xrechnung-intake-connector.js';

export { httpConnector, type HttpConnectorOptions, type HttpInput, type HttpOutput, HTTP_CLIENT_ERROR } from './http/http-connector.js';
export { OAuthTokenCache } from './http/oauth-token-cache.js';
export { mailConnector, type MailConnectorOptions, type MailInput, type MailOutput, MAIL_REJECTED } from './mail/mail-connector.js';
export { MailTemplateCatalog, BUILTIN_MAIL_TEMPLATE_DIR, type MailTemplate, type MailText } from './mail/mail-templates.js';
export { pdfDocumentConnector, type PdfOutput } from './pdf/pdf-connector.js';
export type { NoticeContent } from './pdf/notice-document.js';
export { FontLoader } from './pdf/pdf-fonts.js';
export * from './xrechnung/index.js';
export * from './e-akte/index.js';
export * from './payment/index.js';

export type BuiltinConnectorSettings = Pick<ConnectorsConfig, 'smtp' | 'mailTemplateDir' | 'pdfFontDir' | 'eAkte' | 'payment'> & {
  /** Mail templates that come with the application (the reference processes'); the configured folder overrides them. */
  applicationMailTemplateDirs?: string[];
};

export interface BuiltinConnectorDependencies {
  /** Gets the line for each built-in left out; the payment service logs through it too. */
  logger: Logger;
  /** Where the payment provider's client secret comes from (`PAYMENT_CLIENT_SECRET`). */
  secrets: SecretProvider;
  /**
   * Opens the database the e-Akte and the payment ledger keep their tables in; called once, and only when one of
   * them is configured. Without it they are left out.
   */
  database?: () => Promise<SqlExecutor>;
}

/**
 * Every built-in connector the configuration allows: HTTP/JSON, PDF and XRechnung intake always; mail with an SMTP
 * server; the e-Akte with its authority and archive; payment with its provider and client secret; the last two with
 * a database.
 */
export async function builtinConnectors(settings: BuiltinConnectorSettings, deps: BuiltinConnectorDependencies): Promise<Connector<never, unknown>[]> {
  const connectors: Connector<never, unknown>[] = [
    httpConnector(), pdfDocumentConnector({ fonts: new FontLoader(settings.pdfFontDir) }), xrechnungIntakeConnector,
  ];
  const leftOut = (name: string, reason: string) => deps.logger.info({ connector: name, reason }, `Built-in connector ${name} is not started: ${reason}`);
  let opened: Promise<SqlExecutor> | undefined;
  const database = deps.database && (() => (opened ??= deps.database!()));

  if (settings.smtp) {
    const templateDirs = [
      BUILTIN_MAIL_TEMPLATE_DIR, ...(settings.applicationMailTemplateDirs ?? []), ...(settings.mailTemplateDir ? [settings.mailTemplateDir] : []),
    ];
    connectors.push(mailConnector({ smtp: settings.smtp.url, from: settings.smtp.from, templates: await MailTemplateCatalog.fromDirectories(templateDirs) }));
  } else {
    leftOut('mail', 'AMTSFLOW_SMTP_URL is not set');
  }

  if (!settings.eAkte) {
    leftOut('e-Akte', 'AMTSFLOW_EAKTE_AUTHORITY_ID and the other AMTSFLOW_EAKTE_* settings are not set');
  } else if (!database) {
    leftOut('e-Akte', 'it needs a database, and none was given');
  } else {
    const adapter = await PostgresEAkteAdapter.open(await database());
    connectors.push(...eAkteConnectors(new EAkte({ adapter, authority: settings.eAkte.authority, archive: settings.eAkte.archive })));
  }

  const clientSecret = settings.payment && await deps.secrets.getSecret(PAYMENT_CLIENT_SECRET);
  if (!settings.payment) {
    leftOut('payment', 'AMTSFLOW_PAYMENT_URL and the other AMTSFLOW_PAYMENT_* settings are not set');
  } else if (clientSecret === undefined) {
    leftOut('payment', `the secret ${PAYMENT_CLIENT_SECRET} (the provider's OAuth client secret) is not set`);
  } else if (!database) {
    leftOut('payment', 'it needs a database, and none was given');
  } else {
    const ledger = await PaymentLedger.open(await database());
    const provider = new XBezahldiensteClient({ ...settings.payment, clientSecret });
    connectors.push(...paymentConnectors(new PaymentService({ ledger, provider, logger: deps.logger.child({ component: 'payment' }) })));
  }
  return connectors;
}

/** The element templates of the built-in connectors the configuration allows, as the designer gets them. */
export async function builtinElementTemplates(settings: BuiltinConnectorSettings, deps: BuiltinConnectorDependencies): Promise<ElementTemplate[]> {
  return elementTemplatesOf(await builtinConnectors(settings, deps));
}
