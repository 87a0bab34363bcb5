/**
 * For connector tests: the embedded engine (through zeebe-node, as in production), a connector runtime against it
 * with a document store in a temporary directory, log lines captured for assertions, and BPMN helpers for a process
 * whose service task is set up the way the connector's element template sets it up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { JSONDoc } from 'zeebe-node';
import { bpmnProcess, eventually, flow, serviceTask, startTestEngine, type TestEngine } from './engine-test-support.js';
import { FileSystemDocumentStore } from '../documents/file-system-document-store.js';
import { startConnectorRuntime, type ConnectorRuntime, type ConnectorRuntimeOptions } from '../runtime/connector-runtime.js';
import type { Connector } from '../sdk/define-connector.js';
import { environmentSecretProvider, type SecretProvider } from '../sdk/secrets.js';

export { bpmnProcess, eventually, flow, serviceTask, type TestEngine };

export interface ConnectorTestBed {
  engine: TestEngine;
  runtime: ConnectorRuntime;
  documents: FileSystemDocumentStore;
  /** Every log line the runtime wrote, parsed. */
  logLines: Record<string, unknown>[];
  /** Starts another runtime on the same engine (e.g. to pick up jobs handed back); stopped by `destroy`. */
  startRuntime(overrides?: Partial<ConnectorRuntimeOptions>): ConnectorRuntime;
  destroy(): Promise<void>;
}

export interface TestBedOptions extends Partial<ConnectorRuntimeOptions> {
  /** Secrets as `AMTSFLOW_SECRET_<NAME>` entries would give them. */
  secretValues?: Record<string, string>;
}

export async function startConnectorTestBed(connectors: Connector<never, unknown>[], options: TestBedOptions = {}): Promise<ConnectorTestBed> {
  const engine = await startTestEngine();
  const documentDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-documents-'));
  const documents = new FileSystemDocumentStore(documentDir);
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const secrets: SecretProvider = environmentSecretProvider(
    Object.fromEntries(Object.entries(options.secretValues ?? {}).map(([name, value]) => [`AMTSFLOW_SECRET_${name}`, value])),
  );
  const runtimes: ConnectorRuntime[] = [];
  const startRuntime = (overrides: Partial<ConnectorRuntimeOptions> = {}) => {
    const runtime = startConnectorRuntime({
      connectors,
      gatewayAddress: engine.running.gatewayAddress,
      secrets,
      documents,
      logger,
      ...options,
      ...overrides,
    });
    runtimes.push(runtime);
    return runtime;
  };
  const runtime = startRuntime();
  return {
    engine,
    runtime,
    documents,
    logLines,
    startRuntime,
    async destroy() {
      await Promise.all(runtimes.map((each) => each.stop()));
      await engine.destroy();
      await rm(documentDir, { recursive: true, force: true });
    },
  };
}

export interface ConnectorTaskSetup {
  /** `zeebe:input` mappings: local variable name → FEEL expression (`=owner.email`) or static text. */
  inputs?: Record<string, string>;
  /** `zeebe:taskHeader`s: static configuration, `resultVariable`, `resultExpression`. */
  headers?: Record<string, string>;
  retries?: number;
}

const xmlAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A service task of the connector's type with input mappings and headers, as its element template writes them. */
export function connectorTask(id: string, type: string, setup: ConnectorTaskSetup = {}): string {
  const inputs = Object.entries(setup.inputs ?? {})
    .map(([target, source]) => `<zeebe:input source="${xmlAttribute(source)}" target="${target}" />`).join('');
  const headers = Object.entries(setup.headers ?? {})
    .map(([key, value]) => `<zeebe:header key="${key}" value="${xmlAttribute(value)}" />`).join('');
  const extensions = (inputs ? `<zeebe:ioMapping>${inputs}</zeebe:ioMapping>` : '') + (headers ? `<zeebe:taskHeaders>${headers}</zeebe:taskHeaders>` : '');
  return serviceTask(id, type, extensions, String(setup.retries ?? 3));
}

/** start → the connector task → end. */
export function connectorProcess(processId: string, type: string, setup: ConnectorTaskSetup = {}): Buffer {
  const body = ['<bpmn:startEvent id="start" />', connectorTask('task', type, setup), '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'task'), flow('f2', 'task', 'end')].join('');
  return bpmnProcess(processId, body);
}

/** Deploys the process and runs an instance to its end, returning its variables. */
export async function runToEnd(bed: ConnectorTestBed, processId: string, bpmn: Buffer, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  await bed.engine.zbc.deployResource({ name: `${processId}.bpmn`, process: bpmn });
  const result = await bed.engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: processId, variables: variables as JSONDoc, requestTimeout: 20_000 });
  return result.variables as Record<string, unknown>;
}

/** Deploys the process and starts an instance without waiting for it; returns the process instance key. */
export async function deployAndStart(bed: ConnectorTestBed, processId: string, bpmn: Buffer, variables: Record<string, unknown> = {}): Promise<string> {
  await bed.engine.zbc.deployResource({ name: `${processId}.bpmn`, process: bpmn });
  const { processInstanceKey } = await bed.engine.zbc.createProcessInstance({ bpmnProcessId: processId, variables: variables as JSONDoc });
  return processInstanceKey;
}

/** The incident of a process instance, once there is one. */
export function incidentOf(bed: ConnectorTestBed, processInstanceKey: string) {
  return eventually(() => [...bed.engine.running.engine.state.incidents.values()]
    .find((incident) => String(incident.processInstanceKey) === processInstanceKey), 10_000);
}
