/** The engine's public face: start the embedded engine with its journal and gRPC gateway. */
import pino, { type Logger } from 'pino';
import { readEngineConfig, type EngineConfig } from './config.js';
import { Engine } from './engine.js';
import { startGateway } from './gateway/gateway-server.js';
import { openJournal } from './storage/index.js';

export { readEngineConfig, ConfigError, type EngineConfig } from './config.js';
export { Engine } from './engine.js';

export interface RunningEngine {
  engine: Engine;
  gatewayAddress: string;
  stop(): Promise<void>;
}

export async function startEngine(config: EngineConfig = readEngineConfig(), logger: Logger = pino({ level: config.logLevel })): Promise<RunningEngine> {
  const journal = await openJournal({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const engine = await Engine.open(journal, logger);
  const gateway = await startGateway(engine, config.gatewayHost, config.gatewayPort, logger);
  return {
    engine,
    gatewayAddress: `${config.gatewayHost}:${gateway.port}`,
    async stop() {
      engine.releaseWaitingWorkers();
      await gateway.close();
      await engine.close();
    },
  };
}
