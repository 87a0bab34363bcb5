/** The embedded engine: recovered state, the processor, and the operations the gateway offers. */
import type { Logger } from 'pino';
import { parseResource } from './deployment/parse-resource.js';
import { cancelProcessInstance } from './processing/commands/cancel-process-instance.js';
import {
  createProcessInstance, type CreateProcessInstanceCommand, type CreatedProcessInstance,
} from './processing/commands/create-process-instance.js';
import { deleteResource } from './processing/commands/delete-resource.js';
import { deployResources, type DeploymentResult } from './processing/commands/deploy-resources.js';
import {
  evaluateDecisionCommand, type EvaluateDecisionCommand, type EvaluatedDecisionResult,
} from './processing/commands/evaluate-decision.js';
import {
  completeJob, failJob, throwError, updateJobRetries, updateJobTimeout,
  type ActivateJobsCommand, type ActivatedJobView, type FailJobCommand,
} from './processing/commands/job-commands.js';
import { modifyProcessInstance, type ModifyProcessInstanceCommand } from './processing/commands/modify-process-instance.js';
import { invalidArgument } from './processing/commands/rejection.js';
import { broadcastSignal } from './processing/commands/broadcast-signal.js';
import { publishMessage, type PublishMessageCommand } from './processing/commands/publish-message.js';
import { resolveIncident } from './processing/commands/resolve-incident.js';
import { setVariables } from './processing/commands/set-variables.js';
import { EngineCore } from './runtime/engine-core.js';
import { DueDateScheduler } from './runtime/due-date-scheduler.js';
import { InstanceResults } from './runtime/instance-results.js';
import { JobActivation } from './runtime/job-activation.js';
import type { EngineJournal } from './runtime/journal.js';
import { recoverState } from './runtime/recovery.js';
import type { EngineState } from './state/engine-state.js';

export interface DeployableResource {
  name: string;
  content: Buffer;
}

export class Engine {
  private readonly results: InstanceResults;
  private readonly jobs: JobActivation;
  private readonly dueDates: DueDateScheduler;

  private constructor(private readonly core: EngineCore, private readonly journal: EngineJournal) {
    this.results = new InstanceResults(core);
    this.jobs = new JobActivation(core);
    this.dueDates = new DueDateScheduler(core);
  }

  static async open(journal: EngineJournal, logger: Logger): Promise<Engine> {
    const started = Date.now();
    const { state, position, replayedEvents } = await recoverState(journal);
    logger.info({ position, replayedEvents, ms: Date.now() - started, instances: state.elementInstances.size }, 'Engine state recovered');
    return new Engine(new EngineCore(state, journal, position, logger), journal);
  }

  /** Read-only view for tests. */
  get state(): EngineState {
    return this.core.state;
  }

  /** Calls `listener` after each committed command (exporters wake on it); it must return at once. */
  onCommitted(listener: () => void): void {
    this.core.onCommitted(() => listener());
  }

  async deploy(resources: DeployableResource[]): Promise<DeploymentResult> {
    if (resources.length === 0) throw invalidArgument('Expected to deploy at least one resource, but none given');
    const parsed = await Promise.all(resources.map((resource) => parseResource(resource.name, resource.content)));
    const errors = parsed.flatMap((result) => (result.ok ? [] : [result.failure.message]));
    if (errors.length > 0) {
      throw invalidArgument(`Expected to deploy new resources, but encountered the following errors:\n${errors.join('\n')}`);
    }
    return this.core.run((ctx) => deployResources(ctx, parsed.map((result) => (result.ok ? result.value : undefined!))));
  }

  createProcessInstance(command: CreateProcessInstanceCommand): Promise<CreatedProcessInstance> {
    return this.core.run((ctx) => createProcessInstance(ctx, command));
  }

  async createProcessInstanceWithResult(command: CreateProcessInstanceCommand, timeoutMs: number) {
    let result: Promise<Record<string, unknown>> | undefined;
    const created = await this.core.run((ctx) => {
      const instance = createProcessInstance(ctx, command);
      result = this.results.await(instance.processInstanceKey, timeoutMs);
      return instance;
    });
    return { ...created, variables: await result! };
  }

  cancelProcessInstance(processInstanceKey: number): Promise<void> {
    return this.core.run((ctx) => cancelProcessInstance(ctx, processInstanceKey));
  }

  modifyProcessInstance(command: ModifyProcessInstanceCommand): Promise<void> {
    return this.core.run((ctx) => modifyProcessInstance(ctx, command));
  }

  /** Deletes a process definition (without running instances) or a form. */
  deleteResource(resourceKey: number): Promise<void> {
    return this.core.run((ctx) => deleteResource(ctx, resourceKey));
  }

  activateJobs(command: ActivateJobsCommand, requestTimeout: number, cancelled: AbortSignal): Promise<ActivatedJobView[]> {
    return this.jobs.activate(command, requestTimeout, cancelled);
  }

  streamJobs(command: ActivateJobsCommand, push: (job: ActivatedJobView) => void): () => void {
    return this.jobs.stream(command, push);
  }

  completeJob(jobKey: number, variables: Record<string, unknown>): Promise<void> {
    return this.core.run((ctx) => completeJob(ctx, jobKey, variables));
  }

  failJob(command: FailJobCommand): Promise<void> {
    return this.core.run((ctx) => failJob(ctx, command));
  }

  throwError(jobKey: number, errorCode: string, errorMessage: string, variables: Record<string, unknown>): Promise<void> {
    return this.core.run((ctx) => throwError(ctx, jobKey, errorCode, errorMessage, variables));
  }

  updateJobRetries(jobKey: number, retries: number): Promise<void> {
    return this.core.run((ctx) => updateJobRetries(ctx, jobKey, retries));
  }

  updateJobTimeout(jobKey: number, timeoutMs: number): Promise<void> {
    return this.core.run((ctx) => updateJobTimeout(ctx, jobKey, timeoutMs));
  }

  setVariables(elementInstanceKey: number, variables: Record<string, unknown>, local: boolean): Promise<number> {
    return this.core.run((ctx) => setVariables(ctx, elementInstanceKey, variables, local));
  }

  evaluateDecision(command: EvaluateDecisionCommand): Promise<EvaluatedDecisionResult> {
    return this.core.run((ctx) => evaluateDecisionCommand(ctx, command));
  }

  publishMessage(command: PublishMessageCommand): Promise<number> {
    return this.core.run((ctx) => publishMessage(ctx, command));
  }

  broadcastSignal(name: string, variables: Record<string, unknown>): Promise<number> {
    return this.core.run((ctx) => broadcastSignal(ctx, name, variables));
  }

  resolveIncident(incidentKey: number): Promise<void> {
    return this.core.run((ctx) => resolveIncident(ctx, incidentKey));
  }

  /** Answers waiting workers, so a gateway can shut down without waiting for their polls to time out. */
  releaseWaitingWorkers(): void {
    this.jobs.close();
  }

  /** Commits what is pending, writes a snapshot so the next start is quick, and closes the journal. */
  async close(): Promise<void> {
    this.jobs.close();
    this.dueDates.close();
    await this.core.snapshotNow();
    await this.journal.close();
  }
}
