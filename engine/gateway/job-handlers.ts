/** Gateway RPCs for job workers. */
import type * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { Engine } from '../engine.js';
import type { ActivateJobsCommand, ActivatedJobView } from '../processing/commands/job-commands.js';
import { invalidArgument } from '../processing/commands/rejection.js';
import { streamError } from './grpc-errors.js';
import { TENANT_ID, unary, type GatewayRequest } from './handler-kit.js';
import { readKey, readMillis, readVariables } from './request-values.js';

export function toActivatedJob(job: ActivatedJobView) {
  return {
    key: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: String(job.processDefinitionKey),
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    customHeaders: JSON.stringify(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables),
    tenantId: TENANT_ID,
  };
}

function activationCommand(request: GatewayRequest, maxJobsToActivate: number): ActivateJobsCommand {
  if (!request.type) throw invalidArgument('Expected to activate jobs of a type, but no type was given');
  if (maxJobsToActivate < 1) {
    throw invalidArgument(`Expected to activate at least one job, but maxJobsToActivate was ${maxJobsToActivate}`);
  }
  const timeout = readMillis(request.timeout);
  if (timeout < 1) throw invalidArgument(`Expected a job timeout of at least 1 ms, but got ${timeout}`);
  return { type: request.type, worker: request.worker ?? '', timeout, maxJobsToActivate, fetchVariable: request.fetchVariable ?? [] };
}

export function jobHandlers(engine: Engine, logger: Logger) {
  return {
    ActivateJobs(call: grpc.ServerWritableStream<GatewayRequest, object>) {
      const cancelled = new AbortController();
      call.on('cancelled', () => cancelled.abort());
      (async () => {
        const command = activationCommand(call.request, call.request.maxJobsToActivate);
        const jobs = await engine.activateJobs(command, readMillis(call.request.requestTimeout), cancelled.signal);
        if (!cancelled.signal.aborted) call.write({ jobs: jobs.map(toActivatedJob) });
        call.end();
      })().catch((error: unknown) => call.emit('error', streamError(error, logger)));
    },
    StreamActivatedJobs(call: grpc.ServerWritableStream<GatewayRequest, object>) {
      try {
        const stop = engine.streamJobs(activationCommand(call.request, 1), (job) => call.write(toActivatedJob(job)));
        call.on('cancelled', stop);
        call.on('close', stop);
      } catch (error) {
        call.emit('error', streamError(error, logger));
      }
    },
    CompleteJob: unary('COMPLETE', logger, async (request) => {
      await engine.completeJob(readKey(request.jobKey, 'jobKey'), readVariables(request.variables));
      return {};
    }),
    FailJob: unary('FAIL', logger, async (request) => {
      await engine.failJob({
        key: readKey(request.jobKey, 'jobKey'),
        retries: request.retries ?? 0,
        errorMessage: request.errorMessage ?? '',
        retryBackOff: readMillis(request.retryBackOff),
        variables: readVariables(request.variables),
      });
      return {};
    }),
    ThrowError: unary('THROW_ERROR', logger, async (request) => {
      await engine.throwError(readKey(request.jobKey, 'jobKey'), request.errorCode ?? '', request.errorMessage ?? '', readVariables(request.variables));
      return {};
    }),
    UpdateJobTimeout: unary('UPDATE_TIMEOUT', logger, async (request) => {
      await engine.updateJobTimeout(readKey(request.jobKey, 'jobKey'), readMillis(request.timeout));
      return {};
    }),
    UpdateJobRetries: unary('UPDATE_RETRIES', logger, async (request) => {
      await engine.updateJobRetries(readKey(request.jobKey, 'jobKey'), request.retries ?? 0);
      return {};
    }),
  };
}
