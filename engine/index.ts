/** The engine's public face: start the embedded engine with its journal, exporters and gRPC gateway. */
import pino, { type Logger } from 'pino';
import { readEngineConfig, type EngineConfig } from './config.js';
import { Engine } from './engine.js';
import {
  DEFAULT_EXPORTERS, instanceReads, resourceReads, startExporters, type Exporter, type ExporterRunnerOptions, type InstanceReads, type ResourceReads,
} from './exporters/index.js';
import { startGateway } from './gateway/gateway-server.js';
import { openStorage, type SqlClient } from './storage/index.js';

export { readEngineConfig, ConfigError, type EngineConfig } from './config.js';
export { Engine } from './engine.js';
export {
  DEFAULT_EXPORTERS, exporterOf, formByKey, instanceReads, instancesExporter, latestForm, processDefinitionByKey, processDefinitions, resourceReads,
  resourcesExporter,
  type ActiveElementCount, type Commit, type ElementHistoryPage, type ElementInstanceRecord, type EventWriters, type Exporter, type ExporterRunnerOptions,
  type FormDefinitionRecord, type IncidentRecord, type InstanceReads, type ProcessDefinitionRecord, type ProcessDefinitionsOptions,
  type ProcessDefinitionSummary, type ProcessInstanceFilter, type ProcessInstancePage, type ProcessInstanceRecord, type ProcessInstanceSummary,
  type ResourceReads, type SqlWrite, type VariableRecord,
} from './exporters/index.js';
export type { SqlClient, SqlRow, SqlSession } from './storage/index.js';

export interface RunningEngine {
  engine: Engine;
  gatewayAddress: string;
  /**
   * The engine's SQL client, for a server in the same process (PGlite allows one opener per data directory). On PGlite
   * it is one session that the journal's commits queue on: keep statements and transactions short. Closed by `stop`.
   */
  sql: SqlClient;
  /**
   * Deployed forms and process definitions by key (the resources exporter's tables), and process instances with their
   * elements, variables and incidents (the instances exporter's); eventually consistent with the engine.
   */
  reads: ResourceReads & InstanceReads;
  stop(): Promise<void>;
}

export interface StartEngineOptions {
  /** The exporters to run; `DEFAULT_EXPORTERS` unless given. */
  exporters?: readonly Exporter[];
  exporterOptions?: ExporterRunnerOptions;
}

export async function startEngine(
  config: EngineConfig = readEngineConfig(),
  logger: Logger = pino({ level: config.logLevel }),
  { exporters = DEFAULT_EXPORTERS, exporterOptions }: StartEngineOptions = {},
): Promise<RunningEngine> {
  const { sql, journal } = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, schema: config.schema });
  const engine = await Engine.open(journal, logger);
  const gateway = await startGateway(engine, config.gatewayHost, config.gatewayPort, logger);
  const exporting = startExporters(exporters, { host: engine, sql, journal, logger, options: exporterOptions });
  return {
    engine,
    gatewayAddress: `${config.gatewayHost}:${gateway.port}`,
    sql,
    reads: { ...resourceReads(sql), ...instanceReads(sql) },
    async stop() {
      engine.releaseWaitingWorkers();
      await gateway.close();
      // Before the engine closes the journal and with it the SQL client; what is left is exported at the next start.
      await exporting.stop();
      await engine.close();
    },
  };
}
