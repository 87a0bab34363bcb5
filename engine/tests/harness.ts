/** Starts an embedded engine on a free port with its own data directory, and a zeebe-node client for it. */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ZBClient } from 'zeebe-node';
import { gatewayProtoPath, PROTO_OPTIONS } from '../gateway/gateway-proto.js';
import { startEngine, type EngineConfig, type RunningEngine, type StartEngineOptions } from '../index.js';

export interface TestEngine {
  running: RunningEngine;
  zbc: ZBClient;
  dataDir: string;
  /** Stops engine and client; the data directory stays for a restart. */
  stop(): Promise<void>;
  /** Stops and deletes the data directory. */
  destroy(): Promise<void>;
}

/** Where the engine keeps its data besides the directory (a PostgreSQL server, a schema), and what it runs. */
export interface TestEngineOptions extends Pick<EngineConfig, 'databaseUrl' | 'schema'>, StartEngineOptions {}

export async function startTestEngine(dataDir?: string, options: TestEngineOptions = {}): Promise<TestEngine> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'amtsflow-engine-')));
  const { databaseUrl, schema, ...startOptions } = options;
  const running = await startEngine(
    { dataDir: dir, databaseUrl, schema, gatewayHost: '127.0.0.1', gatewayPort: 0, logLevel: 'silent' },
    pino({ level: 'silent' }),
    startOptions,
  );
  const zbc = new ZBClient(running.gatewayAddress, { useTLS: false, loglevel: 'NONE', retry: false });
  const stop = async () => {
    await zbc.close();
    await running.stop();
  };
  return {
    running,
    zbc,
    dataDir: dir,
    stop,
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type RawGateway = grpc.Client & Record<string, (...args: unknown[]) => unknown>;

/** A plain grpc-js client of the gateway service, for calls zeebe-node 8.3.2 does not offer or checks itself. */
export function rawGateway(address: string): RawGateway {
  const loaded = grpc.loadPackageDefinition(protoLoader.loadSync(gatewayProtoPath(), PROTO_OPTIONS)) as unknown as {
    gateway_protocol: { Gateway: new (address: string, credentials: grpc.ChannelCredentials) => RawGateway };
  };
  return new loaded.gateway_protocol.Gateway(address, grpc.credentials.createInsecure());
}

export function unaryCall(client: RawGateway, method: string, request: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    client[method](request, (error: grpc.ServiceError | null, response: unknown) => (error ? reject(error) : resolve(response)));
  });
}

/** Waits until `probe` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const NAMESPACES = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
].join(' ');

/** A BPMN file with one executable process whose body is given as XML; `rootElements` are messages, errors, signals. */
export function bpmnProcess(id: string, body: string, rootElements = ''): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="Definitions_${id}" targetNamespace="http://amtsflow.test">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>${rootElements}
</bpmn:definitions>`);
}

/** A service task with a job type and optional extra extension elements. */
export function serviceTask(id: string, type: string, extensions = '', retries = '3'): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="${retries}" />${extensions}</bpmn:extensionElements></bpmn:serviceTask>`;
}

/** A script task whose FEEL expression (with the leading `=`) writes `resultVariable`. */
export function scriptTask(id: string, expression: string, resultVariable: string): string {
  return `<bpmn:scriptTask id="${id}"><bpmn:extensionElements><zeebe:script expression="${expression}" resultVariable="${resultVariable}" /></bpmn:extensionElements></bpmn:scriptTask>`;
}

export function flow(id: string, source: string, target: string, condition?: string): string {
  if (!condition) return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

/** start → the given elements in sequence → end, with the flows between them. */
export function sequence(...elements: { id: string; xml: string }[]): string {
  const ids = ['start', ...elements.map((e) => e.id), 'end'];
  const flows = ids.slice(1).map((target, i) => flow(`f${i}`, ids[i], target));
  return ['<bpmn:startEvent id="start" />', ...elements.map((e) => e.xml), '<bpmn:endEvent id="end" />', ...flows].join('\n');
}

/** Activates the one job of `type` that should exist now (waiting up to two seconds for it). */
export async function activateOne(engine: TestEngine, type: string) {
  const jobs = await engine.zbc.activateJobs({ type, worker: 'test', maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 2000 });
  if (jobs.length !== 1) throw new Error(`Expected a job of type '${type}', but none was activatable`);
  return jobs[0];
}

/** The ids of the elements active in a process instance now (sorted), from the engine state. */
export function activeElementIds(engine: TestEngine, processInstanceKey: string | number): string[] {
  return [...engine.running.engine.state.elementInstances.values()]
    .filter((element) => String(element.processInstanceKey) === String(processInstanceKey) && element.flowScopeKey !== -1)
    .map((element) => element.elementId)
    .sort();
}

export function isInstanceActive(engine: TestEngine, processInstanceKey: string | number): boolean {
  return engine.running.engine.state.elementInstances.has(Number(processInstanceKey));
}
