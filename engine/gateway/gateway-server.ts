/** The gRPC server that speaks Zeebe's gateway protocol on top of the embedded engine. */
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { Engine } from '../engine.js';
import { loadGatewayService } from './gateway-proto.js';
import { decisionHandlers } from './decision-handlers.js';
import { eventHandlers } from './event-handlers.js';
import { TENANT_ID } from './handler-kit.js';
import { jobHandlers } from './job-handlers.js';
import { processHandlers } from './process-handlers.js';
import { updateJobTimeoutMethod } from './update-job-timeout-method.js';

/** Big enough that an oversized resource reaches the deployment check and gets INVALID_ARGUMENT, not RESOURCE_EXHAUSTED. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
export const GATEWAY_VERSION = '8.3.0';
const SHUTDOWN_GRACE_MS = 2000;

export interface RunningGateway {
  port: number;
  close(): Promise<void>;
}

export async function startGateway(engine: Engine, host: string, port: number, logger: Logger): Promise<RunningGateway> {
  const service: grpc.ServiceDefinition = { UpdateJobTimeout: updateJobTimeoutMethod, ...loadGatewayService() };
  const implemented: Record<string, grpc.UntypedHandleCall> = {
    ...jobHandlers(engine, logger),
    ...processHandlers(engine, logger),
    ...eventHandlers(engine, logger),
    ...decisionHandlers(engine, logger),
    Topology: (_call: unknown, callback: grpc.sendUnaryData<object>) => callback(null, topology(host, boundPort)),
  };
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const name of Object.keys(service)) {
    handlers[name] = implemented[name] ?? notImplemented(name);
  }
  const server = new grpc.Server({ 'grpc.max_receive_message_length': MAX_MESSAGE_BYTES });
  server.addService(service, handlers);
  const boundPort = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  logger.info({ address: `${host}:${boundPort}` }, 'Zeebe gateway listening');
  return {
    port: boundPort,
    close: () => shutdown(server),
  };
}

function topology(host: string, port: number) {
  return {
    brokers: [{
      nodeId: 0,
      host,
      port,
      partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
      version: GATEWAY_VERSION,
    }],
    clusterSize: 1,
    partitionsCount: 1,
    replicationFactor: 1,
    gatewayVersion: GATEWAY_VERSION,
    tenantId: TENANT_ID,
  };
}

function notImplemented(name: string): grpc.UntypedHandleCall {
  const details = `${name} is not implemented by the amtsflow engine yet`;
  return ((call: { emit(event: 'error', e: Error): void }, callback?: grpc.sendUnaryData<object>) => {
    const error = Object.assign(new Error(details), { code: grpc.status.UNIMPLEMENTED, details });
    if (callback) callback(error);
    else call.emit('error', error);
  }) as grpc.UntypedHandleCall;
}

/** Lets calls in flight finish for a moment, then cuts the rest (long polls, job streams) off. */
function shutdown(server: grpc.Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, SHUTDOWN_GRACE_MS);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}
