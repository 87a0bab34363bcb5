/**
 * Starts the platform server: opens and migrates its storage, connects zeebe-node to the gateway, creates the first
 * admin on an empty database, and listens.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino, { type Logger } from 'pino';
import { Duration, ZBClient } from 'zeebe-node';
import type { DocumentStore } from '../connectors/index.js';
import { AuditLog } from './audit/audit-log.js';
import { createApp, FOUNDATION_MODULES, type ServerApp } from './app.js';
import type { ServerConfig } from './config.js';
import { bootstrapAdmin, type BootstrappedAdmin } from './identity/bootstrap-admin.js';
import { SessionStore } from './identity/session-store.js';
import { UserStore } from './identity/user-store.js';
import type { OperationsSource } from './operations/operations-source.js';
import { probeGateway } from './ops/gateway-probe.js';
import { ServerMetrics } from './ops/server-metrics.js';
import type { RouteModule, ServerContext } from './server-context.js';
import { openServerStorage } from './storage/server-storage.js';

export interface StartServerOptions {
  /** The gateway to use: the embedded engine's; ZEEBE_ADDRESS (`config.zeebeAddress`) wins when set. */
  gatewayAddress?: string;
  logger?: Logger;
  /** Route modules beside the foundation's. */
  modules?: readonly RouteModule[];
  /** A schema other than `server` (tests). */
  schema?: string;
  /**
   * Instances, elements, variables and incidents for the operations routes: the embedded engine's `RunningEngine.reads`.
   * Without it (a real Zeebe behind ZEEBE_ADDRESS has no exporter tables of ours) those routes answer 503.
   */
  operationsSource?: OperationsSource;
  /**
   * The connectors' document store (`npm start` hands it the same directory the connectors use): the invoice intake
   * stores the XML there for the process's connectors to read. Without it the intake answers 503.
   */
  documents?: DocumentStore;
}

export interface RunningServer extends ServerApp {
  url: string;
  context: ServerContext;
  /** Set on the first start with an empty database. */
  bootstrappedAdmin?: BootstrappedAdmin;
  stop(): Promise<void>;
}

const SESSION_CLEANUP_MS = 15 * 60_000;

export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const gatewayAddress = config.zeebeAddress ?? options.gatewayAddress;
  if (gatewayAddress === undefined) throw new Error('startServer needs a gateway: ZEEBE_ADDRESS or the embedded engine\'s address');
  const sql = await openServerStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, schema: options.schema });
  // Against the embedded engine the connection is plaintext; for a cluster, zeebe-node reads TLS and OAuth settings
  // from its own ZEEBE_* variables.
  const zeebe = new ZBClient(gatewayAddress, {
    ...(config.zeebeAddress === undefined ? { useTLS: false } : {}),
    loglevel: 'NONE',
    retry: true,
    maxRetries: 3,
    maxRetryTimeout: Duration.seconds.of(2),
    // Workers' long polls (the task list's): zeebe-node 8.3.2 leaves a timer of this plus 1 s running after a worker
    // closes, which holds a stopping process open; 10 s instead of its 30 s bounds that at little cost.
    longPoll: Duration.seconds.of(10),
  });
  const audit = new AuditLog(sql);
  const users = new UserStore(sql);
  const context: ServerContext = {
    config,
    logger,
    sql,
    zeebe,
    gatewayAddress,
    audit,
    users,
    sessions: new SessionStore(sql, config.session),
    metrics: new ServerMetrics(() => probeGateway(zeebe)),
    cookies: { secure: config.publicUrl.protocol === 'https:' },
    operationsSource: options.operationsSource,
    documents: options.documents,
  };
  try {
    const bootstrappedAdmin = await bootstrapAdmin(sql, users, audit, config.adminPassword);
    const serverApp = createApp(context, [...FOUNDATION_MODULES, ...(options.modules ?? [])]);
    const server = await listen(serverApp.app, config.port, config.host);
    for (const work of serverApp.background) work.start();
    const cleanup = setInterval(() => {
      context.sessions.deleteExpired().catch((error: unknown) => logger.warn({ err: error }, 'Removing ended sessions failed'));
    }, SESSION_CLEANUP_MS);
    cleanup.unref();
    const { port } = server.address() as AddressInfo;
    return {
      ...serverApp,
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      context,
      bootstrappedAdmin,
      async stop() {
        clearInterval(cleanup);
        await Promise.all(serverApp.background.map((work) => work.stop()));
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await zeebe.close();
        await sql.close();
      },
    };
  } catch (error) {
    await zeebe.close();
    await sql.close();
    throw error;
  }
}

function listen(app: ServerApp['app'], port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    // Keep-alive connections would hold close() open for their idle timeout.
    server.on('close', () => server.closeAllConnections());
  });
}
