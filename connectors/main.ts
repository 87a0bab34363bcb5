/**
 * `npm run start:connectors`: the connector runtime with the built-in connectors, against ZEEBE_ADDRESS (or the
 * embedded engine on this machine). Stops gracefully on SIGINT/SIGTERM.
 */
import pino from 'pino';
import { builtinConnectors } from './builtin/index.js';
import { readConnectorsConfig } from './config.js';
import { FileSystemDocumentStore } from './documents/file-system-document-store.js';
import { startConnectorRuntime } from './runtime/connector-runtime.js';
import { environmentSecretProvider } from './sdk/secrets.js';

const config = readConnectorsConfig();
const logger = pino({ level: config.logLevel, name: 'connectors' });
if (!config.smtp) logger.warn('AMTSFLOW_SMTP_URL is not set: the mail connector is not started');
const runtime = startConnectorRuntime({
  connectors: await builtinConnectors(config),
  gatewayAddress: config.gatewayAddress,
  secrets: environmentSecretProvider(process.env),
  documents: new FileSystemDocumentStore(config.documentDir),
  logger,
  maxConcurrentJobs: config.maxConcurrentJobs,
  shutdownGraceMs: config.shutdownGraceMs,
});
logger.info({ gateway: config.gatewayAddress, connectors: runtime.connectorTypes }, 'Connector workers are running');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'Stopping the connector runtime');
    runtime.stop().then(() => process.exit(0), (error: unknown) => {
      logger.error({ err: error }, 'The connector runtime did not stop cleanly');
      process.exit(1);
    });
  });
}
