/**
 * What the task list needs from a deployed process's BPMN, which a job does not carry: the user task's name and the
 * forms embedded in the process (`zeebe:userTaskForm`, referred to as `camunda-forms:bpmn:<id>`). Read from the XML
 * the server's deployment store kept, once per process definition (definitions never change).
 */
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import type { DeploymentStore } from '../deployments/deployment-store.js';

export interface ProcessModel {
  /** Element names by element id, for the elements that have one. */
  elementNames: ReadonlyMap<string, string>;
  /** Embedded form JSON texts by `zeebe:userTaskForm` id. */
  embeddedForms: ReadonlyMap<string, string>;
  /** The form the none start event links (`zeebe:formDefinition`), if any: what the citizen portal shows. */
  startForm?: { formId?: string; formKey?: string };
  /** The names of the messages its events and receive tasks catch (for the portal's documents handed in later). */
  messagesCaught: ReadonlySet<string>;
}

interface ModdleNode {
  $type: string;
  id?: string;
  name?: string;
  body?: string;
  formId?: string;
  formKey?: string;
  eventDefinitions?: ModdleNode[];
  messageRef?: { name?: string };
  flowElements?: ModdleNode[];
  rootElements?: ModdleNode[];
  extensionElements?: { values?: ModdleNode[] };
}

const zeebeSchema: unknown = createRequire(import.meta.url)('zeebe-bpmn-moddle/resources/zeebe.json');
const CACHED_MODELS = 200;

export class ProcessModelReader {
  private readonly moddle = new BpmnModdle({ zeebe: zeebeSchema });
  private readonly cache = new Map<string, Promise<ProcessModel | undefined>>();

  constructor(private readonly deployments: DeploymentStore) {}

  /**
   * The model of a process definition by its key, or undefined when it was not deployed through this server (a
   * process deployed straight to a Zeebe cluster) or its XML cannot be read.
   */
  model(processDefinitionKey: string, bpmnProcessId: string): Promise<ProcessModel | undefined> {
    const cacheKey = `${processDefinitionKey}/${bpmnProcessId}`;
    let model = this.cache.get(cacheKey);
    if (model === undefined) {
      model = this.read(processDefinitionKey, bpmnProcessId);
      if (this.cache.size >= CACHED_MODELS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(cacheKey, model);
      // A miss is not remembered: the definition may be recorded a moment later by another server replica.
      model.then((found) => found ?? this.cache.delete(cacheKey), () => this.cache.delete(cacheKey));
    }
    return model;
  }

  private async read(processDefinitionKey: string, bpmnProcessId: string): Promise<ProcessModel | undefined> {
    const stored = await this.deployments.contentByKey(processDefinitionKey);
    if (stored?.kind !== 'process') return undefined;
    let rootElement: unknown;
    try {
      ({ rootElement } = await this.moddle.fromXML(stored.content));
    } catch {
      return undefined;
    }
    const process = (rootElement as ModdleNode).rootElements?.find((element) => element.$type === 'bpmn:Process' && element.id === bpmnProcessId);
    if (process === undefined) return undefined;
    const elementNames = new Map<string, string>();
    collectNames(process, elementNames);
    const embeddedForms = new Map<string, string>();
    for (const extension of process.extensionElements?.values ?? []) {
      if (extension.$type === 'zeebe:UserTaskForm' && extension.id) embeddedForms.set(extension.id, extension.body ?? '');
    }
    const messagesCaught = new Set<string>();
    collectMessagesCaught(process, messagesCaught);
    return { elementNames, embeddedForms, startForm: startFormOf(process), messagesCaught };
  }
}

function startFormOf(process: ModdleNode): ProcessModel['startForm'] {
  const start = process.flowElements?.find((element) => element.$type === 'bpmn:StartEvent' && !element.eventDefinitions?.length);
  const link = start?.extensionElements?.values?.find((extension) => extension.$type === 'zeebe:FormDefinition');
  if (!link || (!link.formId && !link.formKey)) return undefined;
  return { ...(link.formId ? { formId: link.formId } : {}), ...(link.formKey ? { formKey: link.formKey } : {}) };
}

function collectNames(container: ModdleNode, names: Map<string, string>): void {
  for (const element of container.flowElements ?? []) {
    if (element.id && element.name) names.set(element.id, element.name);
    if (element.flowElements) collectNames(element, names);
  }
}

function collectMessagesCaught(container: ModdleNode, names: Set<string>): void {
  for (const element of container.flowElements ?? []) {
    for (const reference of [element.messageRef, ...(element.eventDefinitions ?? []).map((definition) => definition.messageRef)]) {
      if (reference?.name) names.add(reference.name);
    }
    if (element.flowElements) collectMessagesCaught(element, names);
  }
}
