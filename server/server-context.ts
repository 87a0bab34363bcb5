/**
 * What route modules are given: configuration, logger, storage, the Zeebe client, the audit log and identity. A route
 * module is `{ name, register(routes, context) }` and declares its routes on `routes` (see `http/api-routes.ts`);
 * `register` may return background work (`BackgroundWork`) that runs while the server does.
 */
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import type { DocumentStore } from '../connectors/index.js';
import type { AuditLog } from './audit/audit-log.js';
import type { ServerConfig } from './config.js';
import type { ApiRoutes } from './http/api-routes.js';
import type { CookiePolicy } from './identity/cookies.js';
import type { SessionStore } from './identity/session-store.js';
import type { UserStore } from './identity/user-store.js';
import type { OperationsSource } from './operations/operations-source.js';
import type { ServerMetrics } from './ops/server-metrics.js';
import type { SqlClient } from './storage/server-storage.js';

export interface ServerContext {
  config: ServerConfig;
  logger: Logger;
  /** The server's tables (schema `server`); use `sql.transaction` for changes that belong together. */
  sql: SqlClient;
  /** The one zeebe-node client of this server: the embedded engine's gateway or ZEEBE_ADDRESS. */
  zeebe: ZBClient;
  /** The address `zeebe` talks to, for messages and health. */
  gatewayAddress: string;
  audit: AuditLog;
  users: UserStore;
  sessions: SessionStore;
  metrics: ServerMetrics;
  cookies: CookiePolicy;
  /** The embedded engine's exporter tables for the operations view; absent against a real Zeebe (ZEEBE_ADDRESS). */
  operationsSource?: OperationsSource;
  /** The connectors' document store, where received invoices go; absent when the server runs without the connectors. */
  documents?: DocumentStore;
}

export interface RouteModule {
  /** Shown in logs; one word, like `deployments`. */
  name: string;
  /** Declares the module's routes; returns the background work it runs beside them, if any (a job worker). */
  register(routes: ApiRoutes, context: ServerContext): void | BackgroundWork;
}

/** Work a module runs while the server does: started once the server listens, stopped before its clients close. */
export interface BackgroundWork {
  start(): void;
  stop(): Promise<void>;
}
