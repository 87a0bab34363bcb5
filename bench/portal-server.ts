/**
 * The child process of `npm run bench:portal`: the embedded engine and the platform server as `npm start` composes
 * them (the server reading the engine's exporter tables), in schemas of their own on PostgreSQL, so the benchmark
 * neither meets other data nor shares an event loop with the load generator. Prints `bench server listening at <url>` once it listens (its log lines are JSON).
 */
import pino from 'pino';
import { readEngineConfig, startEngine } from '../engine/index.js';
import { readServerConfig, startServer } from '../server/index.js';

const schemaSuffix = process.env.BENCH_SCHEMA_SUFFIX ?? 'bench';
const logger = pino({ level: 'warn' });
const engine = await startEngine({ ...readEngineConfig(), schema: `engine_${schemaSuffix}` }, logger);
const server = await startServer(readServerConfig(), {
  gatewayAddress: engine.gatewayAddress, logger, schema: `server_${schemaSuffix}`, operationsSource: engine.reads,
});
process.stdout.write(`bench server listening at ${server.url}\n`);
process.on('SIGTERM', () => {
  server.stop().then(() => engine.stop()).then(() => process.exit(0), () => process.exit(1));
});
