/**
 * Drives process instances the way a test that knows nothing about them can: completes every job of a type it
 * serves with no variables, delivers each open message and signal subscription once (no variables), waits for
 * timers that are due soon, and gives an instance that stopped on missing input the variables it lacks. What the
 * instances wait on is read from the engine state.
 */
import type { JSONDoc } from 'zeebe-node';
import { eventually, type TestEngine } from '../../engine/tests/harness.js';
import type { ProcessDefinition } from '../../engine/state/types.js';
import { missingInputsOf } from './missing-inputs.js';

/** Timers due within this time are waited for; later ones are an event the test cannot deliver. */
export const SHORT_TIMER_MS = 3000;
/** A process that still moves after this many steps loops; the run stops there. */
const MAX_STEPS = 200;

/** Variables given to an instance that stopped at an element reading them while they were unset. */
export interface InputRepair {
  elementId: string;
  errorType: string;
  variables: JSONDoc;
}

/** What instances of the run still wait on once nothing moves any more. */
export interface Rest {
  activeElements: string[];
  jobs: string[];
  messages: string[];
  signals: string[];
  timers: { elementId: string; dueInMs: number }[];
  incidents: string[];
}

export interface InstanceRun {
  /** No process instance is left. */
  ended: boolean;
  /** The run stopped after MAX_STEPS while instances still moved. */
  gaveUp: boolean;
  /** What the test did, in order. */
  steps: string[];
  repairs: InputRepair[];
  rest: Rest;
}

/** How an instance of a process can be started by a test: its none start event, or a static message or signal start event. */
export type Start =
  | { kind: 'none' }
  | { kind: 'message'; messageName: string }
  | { kind: 'signal'; signalName: string }
  | { kind: 'impossible'; reason: string };

export function startOf(definition: ProcessDefinition, isLatestVersion: boolean): Start {
  const { elements, bpmnProcessId } = definition.model;
  const processNode = elements[bpmnProcessId];
  if (processNode.noneStartEventId) return { kind: 'none' };
  for (const id of processNode.eventStartEventIds ?? []) {
    const event = elements[id].event;
    if (event?.type === 'message' && event.messageName.kind === 'static') {
      return isLatestVersion
        ? { kind: 'message', messageName: event.messageName.value }
        : { kind: 'impossible', reason: 'a message start event of a version that a later deployment replaced' };
    }
    if (event?.type === 'signal' && event.signalName.kind === 'static') {
      return isLatestVersion
        ? { kind: 'signal', signalName: event.signalName.value }
        : { kind: 'impossible', reason: 'a signal start event of a version that a later deployment replaced' };
    }
  }
  return { kind: 'impossible', reason: 'no none, message or signal start event with a static name' };
}

export class InstanceDriver {
  constructor(private readonly engine: TestEngine, private readonly servedJobTypes: ReadonlySet<string>) {}

  private get state() {
    return this.engine.running.engine.state;
  }

  /** Starts an instance of exactly this process definition, in an engine without instances, and returns its key. */
  async start(definition: ProcessDefinition, start: Start, variables: JSONDoc): Promise<number> {
    if (this.state.elementInstances.size > 0) throw new Error('Instances of an earlier run are still active');
    const { zbc } = this.engine;
    switch (start.kind) {
      case 'none': {
        const { bpmnProcessId, version } = definition;
        return Number((await zbc.createProcessInstance({ bpmnProcessId, version, variables })).processInstanceKey);
      }
      case 'message':
        await zbc.publishMessage({ name: start.messageName, correlationKey: '', variables, timeToLive: 0 });
        return this.rootInstanceOf(definition);
      case 'signal':
        await zbc.broadcastSignal({ signalName: start.signalName, variables });
        return this.rootInstanceOf(definition);
      case 'impossible':
        throw new Error(`Cannot start '${definition.bpmnProcessId}': ${start.reason}`);
    }
  }

  /**
   * Serves, delivers and waits until no process instance is left or nothing the test can do moves one. All instances
   * in the engine belong to the run: the one it started, those that call activities or its messages and signals started.
   */
  async drive(): Promise<InstanceRun> {
    const steps: string[] = [];
    const repairs: InputRepair[] = [];
    const delivered = new Set<number>();
    while (this.state.elementInstances.size > 0 && steps.length < MAX_STEPS) {
      const step = await this.serveJob()
        ?? await this.repairMissingInput(repairs)
        ?? await this.deliverMessage(delivered)
        ?? await this.deliverSignal(delivered)
        ?? await this.awaitShortTimer();
      if (step === undefined) break;
      steps.push(step);
    }
    const ended = this.state.elementInstances.size === 0;
    return { ended, gaveUp: !ended && steps.length === MAX_STEPS, steps, repairs, rest: this.rest() };
  }

  /** Cancels every process instance, so the next run starts from an engine without any. */
  async cancelAll(): Promise<void> {
    const roots = [...this.state.elementInstances.values()].filter((e) => e.flowScopeKey === -1 && e.parentProcessInstanceKey === undefined);
    for (const root of roots) await this.engine.zbc.cancelProcessInstance(root.key);
    await eventually(() => this.state.elementInstances.size === 0, 2000);
  }

  private rootInstanceOf(definition: ProcessDefinition): number {
    const root = [...this.state.elementInstances.values()].find((e) => e.flowScopeKey === -1 && e.processDefinitionKey === definition.key);
    if (!root) throw new Error(`No instance of '${definition.bpmnProcessId}' was started`);
    return root.key;
  }

  private async serveJob(): Promise<string | undefined> {
    const job = [...this.state.jobs.values()].find((j) => j.state === 'ACTIVATABLE' && this.servedJobTypes.has(j.type));
    if (!job) return undefined;
    const [activated] = await this.engine.zbc.activateJobs({ type: job.type, worker: 'corpus-run', maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 1000 });
    if (!activated) throw new Error(`The activatable job of type '${job.type}' was not activated`);
    await this.engine.zbc.completeJob({ jobKey: activated.key, variables: {} });
    return `job '${activated.type}' at ${activated.elementId}`;
  }

  /** Sets the variables an incident's element read while they were unset in its process instance, and resolves the incident. */
  private async repairMissingInput(repairs: InputRepair[]): Promise<string | undefined> {
    for (const incident of this.state.incidents.values()) {
      if (repairs.some((repair) => repair.elementId === incident.elementId && repair.errorType === incident.errorType)) continue;
      const model = this.state.processes.get(incident.processDefinitionKey)?.model;
      const variables = model && missingInputsOf(model, incident);
      if (!variables || Object.keys(variables).some((name) => this.isVariableSet(incident.processInstanceKey, name))) continue;
      await this.engine.zbc.setVariables({ elementInstanceKey: String(incident.processInstanceKey), variables, local: false });
      await this.engine.zbc.resolveIncident({ incidentKey: String(incident.key) });
      repairs.push({ elementId: incident.elementId, errorType: incident.errorType, variables });
      return `input ${JSON.stringify(variables)} for ${incident.elementId}`;
    }
    return undefined;
  }

  private isVariableSet(processInstanceKey: number, name: string): boolean {
    for (const [scopeKey, variables] of this.state.variables) {
      if (variables.has(name) && this.state.elementInstances.get(scopeKey)?.processInstanceKey === processInstanceKey) return true;
    }
    return false;
  }

  private async deliverMessage(delivered: Set<number>): Promise<string | undefined> {
    const subscription = [...this.state.messageSubscriptions.values()].find((s) => !delivered.has(s.key));
    if (!subscription) return undefined;
    delivered.add(subscription.key);
    const { messageName: name, correlationKey } = subscription;
    await this.engine.zbc.publishMessage({ name, correlationKey, variables: {}, timeToLive: 0 });
    return `message '${name}' for ${subscription.targetElementId}`;
  }

  private async deliverSignal(delivered: Set<number>): Promise<string | undefined> {
    const subscription = [...this.state.signalSubscriptions.values()].find((s) => !delivered.has(s.key));
    if (!subscription) return undefined;
    delivered.add(subscription.key);
    await this.engine.zbc.broadcastSignal({ signalName: subscription.signalName, variables: {} });
    return `signal '${subscription.signalName}' for ${subscription.targetElementId}`;
  }

  private async awaitShortTimer(): Promise<string | undefined> {
    const timer = this.instanceTimers().sort((a, b) => a.dueDate - b.dueDate)[0];
    if (!timer || timer.dueDate - Date.now() > SHORT_TIMER_MS) return undefined;
    await eventually(() => !this.state.timers.has(timer.key), timer.dueDate - Date.now() + 2000);
    return `timer ${timer.targetElementId}`;
  }

  /** Timers of catch, boundary and event sub-process start events; timer start events belong to no instance. */
  private instanceTimers() {
    return [...this.state.timers.values()].filter((timer) => timer.elementInstanceKey !== -1);
  }

  private rest(): Rest {
    const state = this.state;
    const kindOf = (definitionKey: number, elementId: string) => state.processes.get(definitionKey)?.model.elements[elementId]?.kind;
    const leaves = [...state.elementInstances.values()].filter((e) => !state.childrenOf.has(e.key));
    return {
      activeElements: leaves.map((e) => `${e.elementId} (${kindOf(e.processDefinitionKey, e.elementId)}, ${e.state})`),
      jobs: [...state.jobs.values()].map((j) => `'${j.type}' at ${j.elementId} (${j.state})`),
      messages: [...state.messageSubscriptions.values()].map((s) => `'${s.messageName}' with key '${s.correlationKey}' for ${s.targetElementId}`),
      signals: [...state.signalSubscriptions.values()].map((s) => `'${s.signalName}' for ${s.targetElementId}`),
      timers: this.instanceTimers().map((t) => ({ elementId: t.targetElementId, dueInMs: t.dueDate - Date.now() })),
      incidents: [...state.incidents.values()].map((i) => `${i.errorType} at ${i.elementId}: ${i.errorMessage}`),
    };
  }
}
