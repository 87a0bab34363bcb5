/** The engine's in-memory state. Only event appliers change it; snapshots serialise it whole. */
import type {
  ElementInstance, FormDefinition, Incident, Job, Key, ProcessDefinition, Variable,
} from './types.js';

/** Zeebe's key layout: partition id in the top bits, so partition 1 starts at 2^51 + 1. */
export const FIRST_KEY: Key = 2 ** 51;

export class EngineState {
  lastKey: Key = FIRST_KEY;
  readonly processes = new Map<Key, ProcessDefinition>();
  /** Process definition keys by BPMN process id, oldest version first. */
  readonly processVersions = new Map<string, Key[]>();
  readonly forms = new Map<Key, FormDefinition>();
  readonly formVersions = new Map<string, Key[]>();
  readonly elementInstances = new Map<Key, ElementInstance>();
  /** Variables by the key of the scope (element instance) they belong to. */
  readonly variables = new Map<Key, Map<string, Variable>>();
  readonly jobs = new Map<Key, Job>();
  /** Activatable job keys by job type, in the order they became activatable. */
  readonly activatableJobs = new Map<string, Set<Key>>();
  readonly incidents = new Map<Key, Incident>();
  /** Tokens waiting at parallel and inclusive joins: flow scope key → gateway id → incoming flow id → count. */
  readonly joins = new Map<Key, Map<string, Map<string, number>>>();
  /** Derived index, not snapshotted: the keys of the element instances directly inside each scope. */
  readonly childrenOf = new Map<Key, Set<Key>>();

  nextKey(): Key {
    this.lastKey += 1;
    return this.lastKey;
  }

  latestProcess(bpmnProcessId: string): ProcessDefinition | undefined {
    const versions = this.processVersions.get(bpmnProcessId);
    return versions && this.processes.get(versions[versions.length - 1]);
  }

  processByVersion(bpmnProcessId: string, version: number): ProcessDefinition | undefined {
    const versions = this.processVersions.get(bpmnProcessId);
    return versions && this.processes.get(versions[version - 1]);
  }

  latestForm(formId: string): FormDefinition | undefined {
    const versions = this.formVersions.get(formId);
    return versions && this.forms.get(versions[versions.length - 1]);
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
