/**
 * `npm start`: everything amtsflow runs, embedded in one process (see `start-all.ts`): the engine with its Zeebe
 * gateway (unless ZEEBE_ADDRESS points at a Zeebe cluster), the platform server and the built-in connectors. Stops
 * gracefully on SIGINT/SIGTERM.
 */
import pino from 'pino';
import { connectorSecrets, ConnectorsConfigError } from './connectors/index.js';
import { ensureWebBuild, WEB_DIST_DIR } from './designer/build/web-build.js';
import { ConfigError } from './engine/index.js';
import { ServerConfigError } from './server/index.js';
import { readAmtsflowConfig, readyBanner, startAll } from './start-all.js';

try {
  const config = readAmtsflowConfig();
  const logger = pino({ level: config.server.logLevel });
  // The browser apps are built here when designer/dist is missing or older than its sources; a build placed
  // elsewhere (AMTSFLOW_WEB_DIR) is taken as it is.
  if (config.server.webDir === WEB_DIST_DIR) await ensureWebBuild((message) => logger.info(message));
  const running = await startAll(config, { logger, secrets: connectorSecrets() });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping amtsflow');
    running.stop().then(() => process.exit(0), (error: unknown) => {
      logger.error({ err: error }, 'Stopping amtsflow failed');
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Only now: whoever reads the banner may send a signal at once.
  process.stdout.write(readyBanner(config, running));
} catch (error) {
  if (error instanceof ConfigError || error instanceof ServerConfigError || error instanceof ConnectorsConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  throw error;
}
