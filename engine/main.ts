/** Runs the embedded engine alone: `tsx engine/main.ts`. Prints the gateway address once it is ready. */
import pino from 'pino';
import { ConfigError, readEngineConfig, startEngine } from './index.js';

try {
  const config = readEngineConfig();
  const logger = pino({ level: config.logLevel });
  const running = await startEngine(config, logger);
  process.stdout.write([
    'amtsflow engine ready',
    `  Zeebe gateway (gRPC, plaintext): ${running.gatewayAddress}`,
    `  storage: ${config.databaseUrl ? 'PostgreSQL server from DATABASE_URL' : `PGlite in ${config.dataDir}`}`,
    'Stop with Ctrl+C.',
    '',
  ].join('\n'));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping the engine');
    running.stop().then(() => process.exit(0), (error: unknown) => {
      logger.error({ err: error }, 'Stopping the engine failed');
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  throw error;
}
