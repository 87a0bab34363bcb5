/**
 * UpdateJobTimeout came to the gateway protocol with Camunda 8.4, after the zeebe-node 8.3.2 `.proto` we load, so its
 * two messages are declared here field by field as Zeebe documents them (jobKey = 1, timeout = 2, both int64).
 */
import type * as grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs';

const request = new protobuf.Type('UpdateJobTimeoutRequest')
  .add(new protobuf.Field('jobKey', 1, 'int64'))
  .add(new protobuf.Field('timeout', 2, 'int64'));
const response = new protobuf.Type('UpdateJobTimeoutResponse');
new protobuf.Root().define('gateway_protocol').add(request).add(response);

export interface UpdateJobTimeoutRequest {
  jobKey: string;
  timeout: string;
}

const encode = (type: protobuf.Type) => (value: object) => Buffer.from(type.encode(type.fromObject(value)).finish());
const decode = <T>(type: protobuf.Type) => (bytes: Buffer) => type.toObject(type.decode(bytes), { longs: String, defaults: true }) as T;

export const updateJobTimeoutMethod: grpc.MethodDefinition<UpdateJobTimeoutRequest, object> = {
  path: '/gateway_protocol.Gateway/UpdateJobTimeout',
  requestStream: false,
  responseStream: false,
  requestSerialize: encode(request),
  requestDeserialize: decode<UpdateJobTimeoutRequest>(request),
  responseSerialize: encode(response),
  responseDeserialize: decode<object>(response),
};
