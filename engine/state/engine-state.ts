/** The engine's in-memory state. Only event appliers change it; snapshots serialise it whole. */
import { DefinitionVersions } from './definition-versions.js';
import { KeyIndex } from './key-index.js';
import { startEventsOf, type StartEventRef } from './start-event-refs.js';
import type {
  DecisionDefinition, DecisionRequirementsDefinition, ElementInstance, FormDefinition, Incident, Job, Key, Message, MessageSubscription, ProcessDefinition,
  SignalSubscription, Timer, Variable,
} from './types.js';

/** How messages and message subscriptions meet: the same name and correlation key. */
export const messageLookup = (name: string, correlationKey: string): string => `${name}\u0000${correlationKey}`;

/** Zeebe's key layout: partition id in the top bits, so partition 1 starts at 2^51 + 1. */
export const FIRST_KEY: Key = 2 ** 51;

export class EngineState {
  lastKey: Key = FIRST_KEY;
  readonly processes = new Map<Key, ProcessDefinition>();
  /** Process definition keys by BPMN process id and version. */
  readonly processVersions = new DefinitionVersions();
  readonly forms = new Map<Key, FormDefinition>();
  readonly formVersions = new DefinitionVersions();
  readonly decisionRequirements = new Map<Key, DecisionRequirementsDefinition>();
  readonly decisionRequirementsVersions = new DefinitionVersions();
  readonly decisions = new Map<Key, DecisionDefinition>();
  readonly decisionVersions = new DefinitionVersions();
  readonly elementInstances = new Map<Key, ElementInstance>();
  /** Variables by the key of the scope (element instance) they belong to. */
  readonly variables = new Map<Key, Map<string, Variable>>();
  readonly jobs = new Map<Key, Job>();
  /** Activatable job keys by job type, in the order they became activatable. */
  readonly activatableJobs = new Map<string, Set<Key>>();
  readonly incidents = new Map<Key, Incident>();
  /** Tokens waiting at parallel and inclusive joins: flow scope key → gateway id → incoming flow id → count. */
  readonly joins = new Map<Key, Map<string, Map<string, number>>>();
  readonly timers = new Map<Key, Timer>();
  readonly messageSubscriptions = new Map<Key, MessageSubscription>();
  readonly signalSubscriptions = new Map<Key, SignalSubscription>();
  /** Buffered messages, until their time to live ends. */
  readonly messages = new Map<Key, Message>();

  // Derived indexes, rebuilt on snapshot load, never snapshotted themselves.
  /** The keys of the element instances directly inside each scope. */
  readonly childrenOf = new Map<Key, Set<Key>>();
  /** Timer and subscription keys by the element instance that owns them. */
  readonly subscriptionsOf = new KeyIndex<Key>();
  readonly messageSubscriptionsByMessage = new KeyIndex<string>();
  readonly messagesByMessage = new KeyIndex<string>();
  /** Buffered message keys by name, correlation key and message id, for rejecting a duplicate message id. */
  readonly messageIds = new Map<string, Key>();
  readonly signalSubscriptionsByName = new KeyIndex<string>();
  /** Message and signal start events of the latest version of every process, by message or signal name. */
  readonly messageStartEvents = new Map<string, StartEventRef[]>();
  readonly signalStartEvents = new Map<string, StartEventRef[]>();
  /** Active process instances started by a message with a correlation key, by BPMN process id and that key. */
  readonly messageStartedInstances = new Map<string, Key>();

  nextKey(): Key {
    this.lastKey += 1;
    return this.lastKey;
  }

  /** The highest version that was not deleted. */
  latestProcess(bpmnProcessId: string): ProcessDefinition | undefined {
    const key = this.processVersions.latestKey(bpmnProcessId);
    return key === undefined ? undefined : this.processes.get(key);
  }

  processByVersion(bpmnProcessId: string, version: number): ProcessDefinition | undefined {
    const key = this.processVersions.keyOf(bpmnProcessId, version);
    return key === undefined ? undefined : this.processes.get(key);
  }

  latestDecision(decisionId: string): DecisionDefinition | undefined {
    const key = this.decisionVersions.latestKey(decisionId);
    return key === undefined ? undefined : this.decisions.get(key);
  }

  latestDecisionRequirements(decisionRequirementsId: string): DecisionRequirementsDefinition | undefined {
    const key = this.decisionRequirementsVersions.latestKey(decisionRequirementsId);
    return key === undefined ? undefined : this.decisionRequirements.get(key);
  }

  latestForm(formId: string): FormDefinition | undefined {
    const key = this.formVersions.latestKey(formId);
    return key === undefined ? undefined : this.forms.get(key);
  }

  addChild(scopeKey: Key, childKey: Key): void {
    let children = this.childrenOf.get(scopeKey);
    if (!children) this.childrenOf.set(scopeKey, (children = new Set()));
    children.add(childKey);
  }

  removeChild(scopeKey: Key, childKey: Key): void {
    const children = this.childrenOf.get(scopeKey);
    if (!children) return;
    children.delete(childKey);
    if (children.size === 0) this.childrenOf.delete(scopeKey);
  }

  addTimer(timer: Timer): void {
    this.timers.set(timer.key, timer);
    this.subscriptionsOf.add(timer.elementInstanceKey, timer.key);
  }

  removeTimer(timer: Timer): void {
    this.timers.delete(timer.key);
    this.subscriptionsOf.remove(timer.elementInstanceKey, timer.key);
  }

  addMessageSubscription(subscription: MessageSubscription): void {
    this.messageSubscriptions.set(subscription.key, subscription);
    this.subscriptionsOf.add(subscription.elementInstanceKey, subscription.key);
    this.messageSubscriptionsByMessage.add(messageLookup(subscription.messageName, subscription.correlationKey), subscription.key);
  }

  removeMessageSubscription(subscription: MessageSubscription): void {
    this.messageSubscriptions.delete(subscription.key);
    this.subscriptionsOf.remove(subscription.elementInstanceKey, subscription.key);
    this.messageSubscriptionsByMessage.remove(messageLookup(subscription.messageName, subscription.correlationKey), subscription.key);
  }

  addSignalSubscription(subscription: SignalSubscription): void {
    this.signalSubscriptions.set(subscription.key, subscription);
    this.subscriptionsOf.add(subscription.elementInstanceKey, subscription.key);
    this.signalSubscriptionsByName.add(subscription.signalName, subscription.key);
  }

  removeSignalSubscription(subscription: SignalSubscription): void {
    this.signalSubscriptions.delete(subscription.key);
    this.subscriptionsOf.remove(subscription.elementInstanceKey, subscription.key);
    this.signalSubscriptionsByName.remove(subscription.signalName, subscription.key);
  }

  addMessage(message: Message): void {
    this.messages.set(message.key, message);
    this.messagesByMessage.add(messageLookup(message.name, message.correlationKey), message.key);
    if (message.messageId !== '') this.messageIds.set(messageIdLookup(message), message.key);
  }

  removeMessage(message: Message): void {
    this.messages.delete(message.key);
    this.messagesByMessage.remove(messageLookup(message.name, message.correlationKey), message.key);
    if (this.messageIds.get(messageIdLookup(message)) === message.key) this.messageIds.delete(messageIdLookup(message));
  }

  /** Points the start event indexes at the latest version of a process (or at none, once no version is left). */
  indexStartEvents(bpmnProcessId: string): void {
    for (const index of [this.messageStartEvents, this.signalStartEvents]) {
      for (const [name, refs] of index) {
        const others = refs.filter((ref) => ref.bpmnProcessId !== bpmnProcessId);
        if (others.length > 0) index.set(name, others);
        else index.delete(name);
      }
    }
    const latest = this.latestProcess(bpmnProcessId);
    if (!latest) return;
    for (const ref of startEventsOf(latest)) {
      const index = ref.eventType === 'message' ? this.messageStartEvents : this.signalStartEvents;
      index.set(ref.name, [...(index.get(ref.name) ?? []), ref]);
    }
  }

  markActivatable(job: Job): void {
    let keys = this.activatableJobs.get(job.type);
    if (!keys) {
      keys = new Set();
      this.activatableJobs.set(job.type, keys);
    }
    keys.add(job.key);
  }

  unmarkActivatable(job: Job): void {
    const keys = this.activatableJobs.get(job.type);
    if (!keys) return;
    keys.delete(job.key);
    if (keys.size === 0) this.activatableJobs.delete(job.type);
  }
}

export function messageStartLookup(bpmnProcessId: string, correlationKey: string): string {
  return `${bpmnProcessId}\u0000${correlationKey}`;
}

export function messageIdLookup(message: { name: string; correlationKey: string; messageId: string }): string {
  return `${messageLookup(message.name, message.correlationKey)}\u0000${message.messageId}`;
}
