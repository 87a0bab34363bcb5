/**
 * `npm start`: everything amtsflow runs, embedded in one process: the engine with its Zeebe gateway (unless
 * ZEEBE_ADDRESS points at a Zeebe cluster) and the platform server beside it.
 */
import pino from 'pino';
import { ConfigError, readEngineConfig, startEngine, type RunningEngine } from './engine/index.js';
import { readServerConfig, ServerConfigError, startServer } from './server/index.js';

try {
  const serverConfig = readServerConfig();
  const logger = pino({ level: serverConfig.logLevel });
  let engine: RunningEngine | undefined;
  if (serverConfig.zeebeAddress === undefined) {
    const engineConfig = readEngineConfig();
    engine = await startEngine(engineConfig, logger.child({ component: 'engine' }));
  }
  const server = await startServer(serverConfig, {
    gatewayAddress: engine?.gatewayAddress,
    logger: logger.child({ component: 'server' }),
    operationsSource: engine?.reads,
  });
  const admin = server.bootstrappedAdmin;
  process.stdout.write([
    'amtsflow ready',
    engine
      ? `  Zeebe gateway (gRPC, plaintext): ${engine.gatewayAddress} (embedded engine)`
      : `  Zeebe gateway: ${server.context.gatewayAddress} (ZEEBE_ADDRESS)`,
    `  platform server (HTTP):         ${server.url}  (API: ${server.url}/api/openapi.json, health: ${server.url}/healthz)`,
    `  storage: ${serverConfig.databaseUrl ? 'PostgreSQL server from DATABASE_URL' : `PGlite in ${serverConfig.dataDir}`}`,
    ...(admin ? [`  created the admin account "${admin.username}"${admin.generatedPassword ? ` with the one-time password ${admin.generatedPassword} (change it at the first sign-in; it is not shown again)` : ' with AMTSFLOW_ADMIN_PASSWORD'}`] : []),
    'Stop with Ctrl+C.',
    '',
  ].join('\n'));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping amtsflow');
    server.stop()
      .then(() => engine?.stop())
      .then(() => process.exit(0), (error: unknown) => {
        logger.error({ err: error }, 'Stopping amtsflow failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError || error instanceof ServerConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  throw error;
}
