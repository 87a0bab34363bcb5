/** The engine's in-memory state. Only event appliers change it; snapshots serialise it whole. */
import { DefinitionVersions } from './definition-versions.js';
import type {
  ElementInstance, FormDefinition, Incident, Job, Key, ProcessDefinition, Variable,
} from './types.js';

/** Zeebe's key layout: partition id in the top bits, so partition 1 starts at 2^51 + 1. */
export const FIRST_KEY: Key = 2 ** 51;

export class EngineState {
  lastKey: Key = FIRST_KEY;
  readonly processes = new Map<Key, ProcessDefinition>();
  /** Process definition keys by BPMN process id and version. */
  readonly processVersions = new DefinitionVersions();
  readonly forms = new Map<Key, FormDefinition>();
  readonly formVersions = new DefinitionVersions();
  readonly elementInstances = new Map<Key, ElementInstance>();
  /** Variables by the key of the scope (element instance) they belong to. */
  readonly variables = new Map<Key, Map<string, Variable>>();
  readonly jobs = new Map<Key, Job>();
  /** Activatable job keys by job type, in the order they became activatable. */
  readonly activatableJobs = new Map<string, Set<Key>>();
  readonly incidents = new Map<Key, Incident>();
  /** Tokens waiting at parallel joins: flow scope key → gateway id → incoming flow id → count. */
  readonly joins = new Map<Key, Map<string, Map<string, number>>>();
  /** Derived index, not snapshotted: the keys of the element instances directly inside each scope. */
  readonly childrenOf = new Map<Key, Set<Key>>();

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
