/** Loads Zeebe's gateway protocol from the installed zeebe-node package at run time; the .proto is never copied. */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The same loader options zeebe-node uses, so 64-bit keys travel as strings. */
export const PROTO_OPTIONS: protoLoader.Options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

export function gatewayProtoPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('zeebe-node/package.json')), 'proto', 'zeebe.proto');
}

export function loadGatewayService(): grpc.ServiceDefinition {
  const definition = protoLoader.loadSync(gatewayProtoPath(), PROTO_OPTIONS);
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    gateway_protocol: { Gateway: grpc.ServiceClientConstructor };
  };
  return loaded.gateway_protocol.Gateway.service;
}
