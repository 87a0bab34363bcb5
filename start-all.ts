/**
 * What `npm start` runs, in one process: the engine with its Zeebe gateway (unless ZEEBE_ADDRESS points at a Zeebe
 * cluster), the platform server, and the built-in connectors against the same gateway. `main.ts` reads the
 * configuration, calls `startAll`, prints `readyBanner` and stops it on a signal; tests call `startAll` themselves.
 */
import type { Logger } from 'pino';
import { FileSystemDocumentStore, readConnectorsConfig, startConnectors, type ConnectorsConfig, type RunningConnectors, type SecretProvider } from './connectors/index.js';
import { readEngineConfig, startEngine, type EngineConfig, type RunningEngine } from './engine/index.js';
import { PROCESS_MAIL_TEMPLATE_DIR, referenceBundles } from './processes/index.js';
import { elementTemplateRoutes, readServerConfig, seedBundles, startServer, type RunningServer, type ServerConfig } from './server/index.js';

export interface AmtsflowConfig {
  /** Absent when ZEEBE_ADDRESS is set: then the embedded engine is not started. */
  engine?: EngineConfig;
  server: ServerConfig;
  connectors: ConnectorsConfig;
}

/** Throws the component's configuration error (ConfigError, ServerConfigError, ConnectorsConfigError) naming what is wrong. */
export function readAmtsflowConfig(env: NodeJS.ProcessEnv = process.env): AmtsflowConfig {
  const server = readServerConfig(env);
  return {
    engine: server.zeebeAddress === undefined ? readEngineConfig(env) : undefined,
    server,
    connectors: readConnectorsConfig(env),
  };
}

export interface StartAllOptions {
  logger: Logger;
  /** The connectors' secrets (`connectorSecrets()` reads them from the environment). */
  secrets: SecretProvider;
}

export interface RunningAmtsflow {
  /** Absent with ZEEBE_ADDRESS. */
  engine?: RunningEngine;
  server: RunningServer;
  connectors: RunningConnectors;
  /** The gateway every part talks to. */
  gatewayAddress: string;
  /** Connectors first (running jobs may finish), then the server, then the engine. */
  stop(): Promise<void>;
}

export async function startAll(config: AmtsflowConfig, { logger, secrets }: StartAllOptions): Promise<RunningAmtsflow> {
  const engine = config.engine && await startEngine(config.engine, logger.child({ component: 'engine' }));
  let server: RunningServer | undefined;
  try {
    let connectors: RunningConnectors | undefined;
    server = await startServer(config.server, {
      gatewayAddress: engine?.gatewayAddress,
      logger: logger.child({ component: 'server' }),
      modules: [elementTemplateRoutes(() => connectors?.elementTemplates ?? [])],
      // Operations read the embedded engine's exported instances; against a Zeebe cluster there are none.
      operationsSource: engine?.reads,
      // The invoice intake stores received XML where the connectors (the XRechnung intake) read documents.
      documents: new FileSystemDocumentStore(config.connectors.documentDir),
    });
    // The city's reference processes, on the first start only (see seedBundles).
    await seedBundles(server.context, referenceBundles());
    connectors = await startConnectors(config.connectors, {
      logger: logger.child({ component: 'connectors' }),
      applicationMailTemplateDirs: [PROCESS_MAIL_TEMPLATE_DIR],
      secrets,
      embeddedGateway: engine?.gatewayAddress,
      // One /metrics for the process: the connectors' metrics go into the server's registry.
      metricsRegistry: server.context.metrics.registry,
    });
    const running = { engine, server, connectors };
    return {
      ...running,
      gatewayAddress: server.context.gatewayAddress,
      async stop() {
        await running.connectors.stop();
        await running.server.stop();
        await running.engine?.stop();
      },
    };
  } catch (error) {
    await server?.stop();
    await engine?.stop();
    throw error;
  }
}

/** What `npm start` prints once everything runs. */
export function readyBanner(config: AmtsflowConfig, running: RunningAmtsflow): string {
  const { server, engine, connectors } = running;
  const admin = server.bootstrappedAdmin;
  return [
    'amtsflow ready',
    engine
      ? `  Zeebe gateway (gRPC, plaintext): ${engine.gatewayAddress} (embedded engine)`
      : `  Zeebe gateway: ${running.gatewayAddress} (ZEEBE_ADDRESS)`,
    `  platform server (HTTP):         ${server.url}  (API: ${server.url}/api/openapi.json, health: ${server.url}/healthz)`,
    `  staff app: ${server.url}/staff/   citizen portal: ${server.url}/`,
    `  connectors:                     ${connectors.runtime.connectorTypes.join(', ')} (built-ins left out are named in the log)`,
    connectors.mailOutbox
      ? `  mail: no SMTP server set (AMTSFLOW_SMTP_URL); mails are kept as .eml files in ${connectors.mailOutbox.dir}`
      : `  mail: through ${config.connectors.smtp?.url.replace(/\/\/[^@/]*@/, '//')}`,
    `  storage: ${config.server.databaseUrl ? 'PostgreSQL server from DATABASE_URL' : `PGlite in ${config.server.dataDir}`}, documents in ${config.connectors.documentDir}`,
    ...(admin ? [`  created the admin account "${admin.username}"${admin.generatedPassword ? ` with the one-time password ${admin.generatedPassword} (change it at the first sign-in; it is not shown again)` : ' with AMTSFLOW_ADMIN_PASSWORD'}`] : []),
    'Stop with Ctrl+C.',
    '',
  ].join('\n');
}
