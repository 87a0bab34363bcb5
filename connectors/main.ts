/**
 * `npm run start:connectors`: the built-in connectors on their own, against ZEEBE_ADDRESS (or the embedded engine on
 * this machine). `npm start` runs them inside the one amtsflow process instead. Stops gracefully on SIGINT/SIGTERM.
 */
import pino from 'pino';
import { connectorSecrets, ConnectorsConfigError, readConnectorsConfig } from './config.js';
import { startConnectors } from './start-connectors.js';

try {
  const config = readConnectorsConfig();
  const logger = pino({ level: config.logLevel, name: 'connectors' });
  const connectors = await startConnectors(config, { logger, secrets: connectorSecrets() });
  logger.info({ gateway: config.gatewayAddress, connectors: connectors.runtime.connectorTypes }, 'Connector workers are running');

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'Stopping the connector runtime');
      connectors.stop().then(() => process.exit(0), (error: unknown) => {
        logger.error({ err: error }, 'The connector runtime did not stop cleanly');
        process.exit(1);
      });
    });
  }
} catch (error) {
  if (error instanceof ConnectorsConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  throw error;
}
