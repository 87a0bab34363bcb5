import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import { loadGatewayService } from '../gateway/gateway-proto.js';
import { updateJobTimeoutMethod } from '../gateway/update-job-timeout-method.js';
import {
  bpmnProcess, rawGateway, sequence, serviceTask, startTestEngine, unaryCall as call, type RawGateway, type TestEngine,
} from './harness.js';

let engine: TestEngine;
let raw: RawGateway;
beforeAll(async () => {
  engine = await startTestEngine();
  raw = rawGateway(engine.running.gatewayAddress);
});
afterAll(async () => {
  raw.close();
  await engine.destroy();
});

const unaryCall = (method: string, request: object) => call(raw, method, request);

describe('the Zeebe gateway protocol', () => {
  it('reports a one-broker, one-partition topology', async () => {
    const topology = await engine.zbc.topology();
    expect(topology).toMatchObject({ clusterSize: 1, partitionsCount: 1, replicationFactor: 1 });
    expect(topology.brokers[0].partitions).toEqual([{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }]);
  });

  it('serves every unary RPC of zeebe-node\'s gateway protocol: none answers UNIMPLEMENTED', async () => {
    const methods = Object.entries(loadGatewayService()).filter(([, method]) => !method.responseStream).map(([name]) => name);
    expect(methods.length).toBeGreaterThan(15);
    for (const method of methods) {
      const outcome = await unaryCall(method, {}).then(() => 'answered', (error: grpc.ServiceError) => error.code);
      expect([method, outcome]).not.toEqual([method, grpc.status.UNIMPLEMENTED]);
    }
  });

  it('rejects an ActivateJobs call without a job type with INVALID_ARGUMENT', async () => {
    const stream = raw.ActivateJobs({ type: '', worker: 'w', maxJobsToActivate: 1, timeout: 1000, requestTimeout: -1 }) as grpc.ClientReadableStream<unknown>;
    const error = await new Promise((resolve) => {
      stream.on('error', resolve);
      stream.on('data', () => undefined);
    });
    expect(error).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringContaining('no type was given') });
  });

  it('extends an activated job with UpdateJobTimeout so it does not time out, and rejects unknown or idle jobs', async () => {
    const TimeoutClient = grpc.makeGenericClientConstructor({ UpdateJobTimeout: updateJobTimeoutMethod }, 'Gateway');
    const timeouts = new TimeoutClient(engine.running.gatewayAddress, grpc.credentials.createInsecure()) as unknown as RawGateway;
    const update = (jobKey: string, timeout: number) => new Promise((resolve, reject) => {
      timeouts.UpdateJobTimeout({ jobKey, timeout: String(timeout) }, (error: grpc.ServiceError | null, response: unknown) => (error ? reject(error) : resolve(response)));
    });
    await engine.zbc.deployResource({ name: 'extend.bpmn', process: bpmnProcess('extend', sequence({ id: 't', xml: serviceTask('t', 'extendable') })) });
    await engine.zbc.createProcessInstance({ bpmnProcessId: 'extend', variables: {} });
    const [job] = await engine.zbc.activateJobs({ type: 'extendable', worker: 'w', maxJobsToActivate: 1, timeout: 300, requestTimeout: 2000 });
    await update(job.key, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const meanwhile = await engine.zbc.activateJobs({ type: 'extendable', worker: 'other', maxJobsToActivate: 1, timeout: 1000, requestTimeout: -1 });
    expect(meanwhile).toEqual([]);
    await expect(update('2251799813999123', 1000)).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    await engine.zbc.failJob({ jobKey: job.key, retries: 1, errorMessage: 'later', retryBackOff: 60_000 });
    await expect(update(job.key, 1000)).rejects.toMatchObject({ code: grpc.status.FAILED_PRECONDITION });
    timeouts.close();
  });

  it('serves thousands of calls in a burst from one zeebe-node client without dropping its connection', async () => {
    await engine.zbc.deployResource({ name: 'burst.bpmn', process: bpmnProcess('burst', sequence()) });
    const failures: unknown[] = [];
    for (let round = 0; round < 60; round++) {
      await Promise.all(Array.from({ length: 50 }, () => engine.zbc.createProcessInstance({ bpmnProcessId: 'burst', variables: {} })
        .catch((error: unknown) => failures.push(error))));
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('creates an instance by process definition key', async () => {
    const deployed = await engine.zbc.deployResource({ name: 'by-key.bpmn', process: bpmnProcess('by-key', sequence()) });
    const key = deployed.deployments[0].process.processDefinitionKey;
    const created = await unaryCall('CreateProcessInstance', { processDefinitionKey: key, variables: '{}' });
    expect(created).toMatchObject({ processDefinitionKey: key, bpmnProcessId: 'by-key', version: 1 });
    await expect(unaryCall('CreateProcessInstance', { processDefinitionKey: '2251799813999111', variables: '{}' }))
      .rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
  });

  it('pushes jobs to an open StreamActivatedJobs stream as they are created', async () => {
    await engine.zbc.deployResource({ name: 'stream.bpmn', process: bpmnProcess('stream', sequence({ id: 't', xml: serviceTask('t', 'streamed') })) });
    const stream = raw.StreamActivatedJobs({ type: 'streamed', worker: 'streamer', timeout: 30000, fetchVariable: [] }) as grpc.ClientReadableStream<{ key: string; variables: string; worker: string }>;
    const received: { key: string; variables: string; worker: string }[] = [];
    const twoJobs = new Promise<void>((resolve) => stream.on('data', (job) => {
      received.push(job);
      if (received.length === 2) resolve();
    }));
    stream.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await engine.zbc.createProcessInstance({ bpmnProcessId: 'stream', variables: { n: 1 } });
    await engine.zbc.createProcessInstance({ bpmnProcessId: 'stream', variables: { n: 2 } });
    await twoJobs;
    stream.cancel();
    expect(received.map((job) => JSON.parse(job.variables).n).sort()).toEqual([1, 2]);
    expect(received.every((job) => job.worker === 'streamer')).toBe(true);
    for (const job of received) await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
  });
});
