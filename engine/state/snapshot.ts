/** Turns the whole engine state into one JSON document and back, so a restart replays only what came after. */
import { EngineState, messageStartLookup } from './engine-state.js';
import type {
  DecisionDefinition, DecisionRequirementsDefinition, ElementInstance, FormDefinition, Incident, Job, Key, Message, MessageSubscription, ProcessDefinition, SignalSubscription,
  Timer, Variable,
} from './types.js';

interface SnapshotDocument {
  lastKey: Key;
  processes: ProcessDefinition[];
  forms: FormDefinition[];
  elementInstances: ElementInstance[];
  variables: [Key, [string, Variable][]][];
  jobs: Job[];
  incidents: Incident[];
  joins: [Key, [string, [string, number][]][]][];
  // Absent in snapshots written before the engine had them.
  timers?: Timer[];
  messageSubscriptions?: MessageSubscription[];
  signalSubscriptions?: SignalSubscription[];
  messages?: Message[];
  decisionRequirements?: DecisionRequirementsDefinition[];
  decisions?: DecisionDefinition[];
  /** The highest version ever deployed by id, deleted ones included. */
  highestVersions?: Partial<Record<VersionedKind, [string, number][]>>;
}

type VersionedKind = 'processes' | 'forms' | 'decisionRequirements' | 'decisions';

function versionsOf(state: EngineState) {
  return {
    processes: state.processVersions,
    forms: state.formVersions,
    decisionRequirements: state.decisionRequirementsVersions,
    decisions: state.decisionVersions,
  } as const;
}

export function serializeState(state: EngineState): string {
  const document: SnapshotDocument = {
    lastKey: state.lastKey,
    processes: [...state.processes.values()],
    forms: [...state.forms.values()],
    elementInstances: [...state.elementInstances.values()],
    variables: [...state.variables].map(([scope, vars]) => [scope, [...vars]]),
    jobs: [...state.jobs.values()],
    incidents: [...state.incidents.values()],
    joins: [...state.joins].map(([scope, gateways]) => [scope, [...gateways].map(([id, flows]) => [id, [...flows]])]),
    timers: [...state.timers.values()],
    messageSubscriptions: [...state.messageSubscriptions.values()],
    signalSubscriptions: [...state.signalSubscriptions.values()],
    messages: [...state.messages.values()],
    decisionRequirements: [...state.decisionRequirements.values()],
    decisions: [...state.decisions.values()],
    highestVersions: Object.fromEntries(Object.entries(versionsOf(state)).map(([kind, versions]) => [kind, versions.highestVersions()])),
  };
  return JSON.stringify(document);
}

export function deserializeState(text: string): EngineState {
  const document = JSON.parse(text) as SnapshotDocument;
  const state = new EngineState();
  state.lastKey = document.lastKey;
  for (const process of document.processes) {
    state.processes.set(process.key, process);
    state.processVersions.add(process.bpmnProcessId, process.version, process.key);
  }
  for (const bpmnProcessId of state.processVersions.ids()) state.indexStartEvents(bpmnProcessId);
  for (const form of document.forms) {
    state.forms.set(form.key, form);
    state.formVersions.add(form.formId, form.version, form.key);
  }
  for (const definition of document.decisionRequirements ?? []) {
    state.decisionRequirements.set(definition.key, definition);
    state.decisionRequirementsVersions.add(definition.decisionRequirementsId, definition.version, definition.key);
  }
  for (const decision of document.decisions ?? []) {
    state.decisions.set(decision.key, decision);
    state.decisionVersions.add(decision.decisionId, decision.version, decision.key);
  }
  for (const [kind, versions] of Object.entries(versionsOf(state))) {
    for (const [id, highest] of document.highestVersions?.[kind as VersionedKind] ?? []) versions.restoreHighestVersion(id, highest);
  }
  for (const instance of document.elementInstances) {
    state.elementInstances.set(instance.key, instance);
    state.addChild(instance.flowScopeKey, instance.key);
    if (instance.startCorrelationKey !== undefined) {
      const { bpmnProcessId } = state.processes.get(instance.processDefinitionKey)!;
      state.messageStartedInstances.set(messageStartLookup(bpmnProcessId, instance.startCorrelationKey), instance.key);
    }
  }
  for (const [scope, vars] of document.variables) state.variables.set(scope, new Map(vars));
  for (const job of document.jobs.sort((a, b) => a.key - b.key)) {
    state.jobs.set(job.key, job);
    if (job.state === 'ACTIVATABLE') state.markActivatable(job);
  }
  for (const incident of document.incidents) state.incidents.set(incident.key, incident);
  for (const [scope, gateways] of document.joins) {
    state.joins.set(scope, new Map(gateways.map(([id, flows]) => [id, new Map(flows)])));
  }
  for (const timer of document.timers ?? []) state.addTimer(timer);
  for (const subscription of document.messageSubscriptions ?? []) state.addMessageSubscription(subscription);
  for (const subscription of document.signalSubscriptions ?? []) state.addSignalSubscription(subscription);
  for (const message of document.messages ?? []) state.addMessage(message);
  return state;
}
