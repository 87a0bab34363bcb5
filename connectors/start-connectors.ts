/**
 * Starts the built-in connectors as configured: opens their database when one of them needs it, sets them up with
 * `builtinConnectors` and runs them. `npm run start:connectors` and `npm start` both start them this way.
 */
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { builtinConnectors } from './builtin/index.js';
import { startMailOutbox, type MailOutbox } from './builtin/mail/mail-outbox.js';
import type { ConnectorsConfig } from './config.js';
import { FileSystemDocumentStore } from './documents/file-system-document-store.js';
import { startConnectorRuntime, type ConnectorRuntime } from './runtime/connector-runtime.js';
import type { SecretProvider } from './sdk/index.js';
import { openConnectorStorage } from './storage/connector-storage.js';
import type { ElementTemplate } from './templates/element-template.js';
import { elementTemplatesOf } from './templates/element-templates.js';

export interface StartConnectorsOptions {
  logger: Logger;
  secrets: SecretProvider;
  /** The embedded engine's gateway (plaintext), whose port is chosen at start; else `config.gatewayAddress`. */
  embeddedGateway?: string;
  /** Keep the per-connector metrics in this prom-client registry too (the server's, for its `/metrics`). */
  metricsRegistry?: Registry;
  /** Mail templates that come with the application (the reference processes'); AMTSFLOW_MAIL_TEMPLATE_DIR overrides them. */
  applicationMailTemplateDirs?: string[];
}

export interface RunningConnectors {
  runtime: ConnectorRuntime;
  /** The element templates of the connectors that run, for the designer. */
  elementTemplates: ElementTemplate[];
  /** Where mail goes when no SMTP server is configured. */
  mailOutbox?: MailOutbox;
  /** Stops the runtime gracefully (see its shutdown), then the mail outbox, then closes the database. */
  stop(): Promise<void>;
}

export async function startConnectors(config: ConnectorsConfig, options: StartConnectorsOptions): Promise<RunningConnectors> {
  let storage: Awaited<ReturnType<typeof openConnectorStorage>> | undefined;
  let mailOutbox: MailOutbox | undefined;
  const database = async () => (storage = await openConnectorStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
  try {
    mailOutbox = config.mailOutbox && await startMailOutbox(config.mailOutbox.dir);
    const smtp = config.smtp ?? (mailOutbox && config.mailOutbox && { url: mailOutbox.url, from: config.mailOutbox.from });
    const connectors = await builtinConnectors({ ...config, smtp, applicationMailTemplateDirs: options.applicationMailTemplateDirs }, { logger: options.logger, secrets: options.secrets, database });
    const runtime = startConnectorRuntime({
      connectors,
      gatewayAddress: options.embeddedGateway ?? config.gatewayAddress,
      plaintext: options.embeddedGateway !== undefined || config.plaintextGateway,
      secrets: options.secrets,
      documents: new FileSystemDocumentStore(config.documentDir),
      logger: options.logger,
      maxConcurrentJobs: config.maxConcurrentJobs,
      shutdownGraceMs: config.shutdownGraceMs,
      metricsRegistry: options.metricsRegistry,
    });
    return {
      runtime,
      elementTemplates: elementTemplatesOf(connectors),
      mailOutbox,
      async stop() {
        await runtime.stop();
        await mailOutbox?.close();
        await storage?.close();
      },
    };
  } catch (error) {
    await mailOutbox?.close();
    await storage?.close();
    throw error;
  }
}
