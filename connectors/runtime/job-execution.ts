/**
 * Runs one job through a connector and decides its outcome, without talking to the gateway: the worker applies the
 * outcome. Input problems and `PermanentFailure`s fail the job without retries (an incident names the problem),
 * `ConnectorError`s become BPMN errors, anything else fails it with one retry fewer and exponential back-off.
 */
import type { Logger } from 'pino';
import { ConnectorError, PermanentFailure } from '../sdk/connector-error.js';
import type { Connector, ConnectorContext, ConnectorJob } from '../sdk/define-connector.js';
import type { DocumentStore } from '../sdk/documents.js';
import type { MessagePublisher } from '../sdk/messages.js';
import { SecretRedactor, type SecretProvider } from '../sdk/secrets.js';
import { assembleInput, InvalidInputError } from './job-input.js';
import { resultVariables } from './result-mapping.js';

/**
 * Failed attempts are counted in this local variable of the service task (set with FailJob's variables), because a
 * job does not carry the retries it started with, and the back-off doubles per failed attempt.
 */
export const FAILED_ATTEMPTS_VARIABLE = 'connectorFailedAttempts';

export type JobOutcomeAction =
  | { kind: 'complete'; variables: Record<string, unknown> }
  | { kind: 'throwError'; errorCode: string; errorMessage: string; variables: Record<string, unknown> }
  | { kind: 'fail'; reason: 'failed' | 'invalidInput' | 'permanentFailure'; errorMessage: string; retries: number; retryBackOffMs: number; variables: Record<string, unknown> };

export interface ActivatedJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  elementId: string;
  elementInstanceKey: string;
  retries: number;
  variables: Record<string, unknown>;
  customHeaders: Record<string, string>;
}

export interface JobExecutionDependencies {
  secrets: SecretProvider;
  documents: DocumentStore;
  messages: MessagePublisher;
  logger: Logger;
  signal: AbortSignal;
}

export function retryBackOffMs(attempt: number, backoff: { initialMs: number; maxMs: number }): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempt - 1));
}

export async function executeJob(connector: Connector, job: ActivatedJob, dependencies: JobExecutionDependencies): Promise<JobOutcomeAction> {
  const redactor = new SecretRedactor();
  const failedBefore = Number(job.variables[FAILED_ATTEMPTS_VARIABLE] ?? 0) || 0;
  const context = connectorContext(connector, job, failedBefore + 1, redactor, dependencies);
  try {
    const input = await assembleInput(connector, job, dependencies.secrets, redactor);
    const output = await connector.run(input, context);
    const problems = connector.checkOutput(output);
    if (problems.length > 0) throw new PermanentFailure(`Connector '${connector.type}' returned an invalid result: ${problems.join('; ')}`);
    return { kind: 'complete', variables: resultVariables(output, job.customHeaders) };
  } catch (error) {
    return failureOutcome(connector, job, failedBefore, error, redactor, context.logger);
  }
}

function connectorContext(connector: Connector, job: ActivatedJob, attempt: number, redactor: SecretRedactor, dependencies: JobExecutionDependencies): ConnectorContext {
  const contextJob: ConnectorJob = {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    retries: job.retries,
    attempt,
    customHeaders: job.customHeaders,
  };
  return {
    job: contextJob,
    logger: dependencies.logger,
    signal: dependencies.signal,
    documents: dependencies.documents,
    async secret(name) {
      const value = await dependencies.secrets.getSecret(name);
      if (value === undefined) throw new PermanentFailure(`Secret '${name}' needed by connector '${connector.type}' is not defined`);
      redactor.remember(value);
      return value;
    },
    async publishMessage(message) {
      const published = await dependencies.messages.publishMessage(message);
      dependencies.logger.debug({ messageName: message.name, outcome: published.outcome }, 'Message published');
      return published;
    },
  };
}

function failureOutcome(connector: Connector, job: ActivatedJob, failedBefore: number, error: unknown, redactor: SecretRedactor, logger: Logger): JobOutcomeAction {
  const message = redactor.redact(error instanceof Error ? error.message : String(error));
  if (error instanceof ConnectorError) {
    if (!connector.errors.some((declared) => declared.code === error.code)) {
      logger.warn({ errorCode: error.code }, 'Connector threw an error code it does not declare');
    }
    return { kind: 'throwError', errorCode: error.code, errorMessage: message, variables: error.variables };
  }
  if (error instanceof PermanentFailure) {
    const reason = error instanceof InvalidInputError ? 'invalidInput' : 'permanentFailure';
    return { kind: 'fail', reason, errorMessage: message, retries: 0, retryBackOffMs: 0, variables: {} };
  }
  const attempt = failedBefore + 1;
  const retries = Math.max(0, job.retries - 1);
  return {
    kind: 'fail',
    reason: 'failed',
    errorMessage: message,
    retries,
    retryBackOffMs: retries > 0 ? retryBackOffMs(attempt, connector.retryBackoff) : 0,
    variables: { [FAILED_ATTEMPTS_VARIABLE]: attempt },
  };
}
