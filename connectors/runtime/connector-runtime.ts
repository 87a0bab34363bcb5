/**
 * The connector runtime: a zeebe-node client against any gateway (the embedded engine or a Zeebe cluster) and one
 * worker per connector type, with shared secrets, document store, logger and metrics.
 */
import os from 'node:os';
import pino, { type Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ZBClient } from 'zeebe-node';
import type { Connector } from '../sdk/define-connector.js';
import type { DocumentStore } from '../sdk/documents.js';
import type { SecretProvider } from '../sdk/secrets.js';
import { ConnectorMetrics, type ConnectorMetricsSnapshot } from './connector-metrics.js';
import { ConnectorWorker } from './connector-worker.js';
import { JobTimeoutExtender } from './job-timeout-extender.js';
import { PrometheusConnectorMetrics } from './prometheus-connector-metrics.js';
import { zeebeMessagePublisher } from './zeebe-message-publisher.js';

export interface ConnectorRuntimeOptions {
  /** The connectors to run; each job type at most once. */
  connectors: readonly Connector<never, unknown>[];
  /** `host:port` of the Zeebe gateway; ignored when `zbc` is given. */
  gatewayAddress?: string;
  /**
   * Plaintext gRPC, as the embedded engine speaks it. Default true; false leaves TLS and OAuth to zeebe-node's own
   * ZEEBE_* variables (a Zeebe cluster). Ignored when `zbc` is given.
   */
  plaintext?: boolean;
  /** A client to use instead of creating one (e.g. with OAuth for Camunda 8 SaaS). The runtime does not close it. */
  zbc?: ZBClient;
  secrets: SecretProvider;
  documents: DocumentStore;
  logger?: Logger;
  /** Jobs of one connector type this runtime runs at once, unless the connector sets its own. Default 8. */
  maxConcurrentJobs?: number;
  /** On stop, how long running jobs may take to finish before they are handed back. Default 10,000 ms. */
  shutdownGraceMs?: number;
  /** The worker name the engine records on activated jobs. Default `amtsflow-connectors@<hostname>`. */
  workerName?: string;
  /** A prom-client registry to keep per-connector metrics in as well (the server's, to export them at `/metrics`). */
  metricsRegistry?: Registry;
}

export interface ConnectorRuntime {
  readonly connectorTypes: string[];
  metrics(): ConnectorMetricsSnapshot;
  /** Stops taking jobs, lets running ones finish within the grace period, hands the rest back, closes the client. */
  stop(): Promise<void>;
}

export function startConnectorRuntime(options: ConnectorRuntimeOptions): ConnectorRuntime {
  const types = options.connectors.map((connector) => connector.type);
  const duplicate = types.find((type, index) => types.indexOf(type) !== index);
  if (duplicate) throw new Error(`Connector type '${duplicate}' is registered twice`);
  const logger = options.logger ?? pino({ name: 'connectors' });
  const ownClient = options.zbc === undefined;
  const zbc = options.zbc ?? new ZBClient(options.gatewayAddress ?? '127.0.0.1:26500', {
    ...((options.plaintext ?? true) ? { useTLS: false } : {}),
    loglevel: 'INFO',
    stdout: zeebeNodeLogger(logger.child({ component: 'zeebe-node' })),
  });
  const metrics = new ConnectorMetrics(options.metricsRegistry ? [new PrometheusConnectorMetrics(options.metricsRegistry)] : []);
  const timeoutExtender = new JobTimeoutExtender(zbc, logger, (type) => metrics.timeoutExtended(type));
  const messages = zeebeMessagePublisher(zbc);
  const workers = options.connectors.map((connector) => new ConnectorWorker(connector as Connector, {
    zbc,
    secrets: options.secrets,
    documents: options.documents,
    messages,
    logger,
    metrics,
    timeoutExtender,
    maxConcurrentJobs: options.maxConcurrentJobs ?? 8,
    workerName: options.workerName ?? `amtsflow-connectors@${os.hostname()}`,
  }));
  logger.info({ connectorTypes: types }, 'Connector runtime started');
  let stopped: Promise<void> | undefined;
  return {
    connectorTypes: types,
    metrics: () => metrics.snapshot(),
    stop() {
      stopped ??= (async () => {
        await Promise.all(workers.map((worker) => worker.stop(options.shutdownGraceMs ?? 10_000)));
        if (ownClient) await zbc.close();
        logger.info('Connector runtime stopped');
      })();
      return stopped;
    },
  };
}

/** zeebe-node logs JSON strings through `stdout`; they go to pino at the matching level. */
function zeebeNodeLogger(logger: Logger) {
  const forward = (level: 'debug' | 'info' | 'error') => (message: string) => {
    try {
      logger[level]({ zeebe: JSON.parse(message) as unknown }, 'zeebe-node');
    } catch {
      logger[level](message);
    }
  };
  return { debug: forward('debug'), info: forward('info'), error: forward('error') };
}
