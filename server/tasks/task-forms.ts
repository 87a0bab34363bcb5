/**
 * Finds a task's form from its form key, the way Zeebe's form references work: a form linked by id (the engine puts
 * the deployed form's key in the header), a form embedded in the process (`camunda-forms:bpmn:<id>`), or a custom
 * key some other application understands, which this server cannot show.
 */
import type { DeploymentStore } from '../deployments/deployment-store.js';
import type { ProcessModelReader } from './process-model-reader.js';
import type { StoredTask } from './task-store.js';

export const EMBEDDED_FORM_PREFIX = 'camunda-forms:bpmn:';

export type TaskForm =
  /** The task has no form: it is completed without data. */
  | { kind: 'none' }
  | { kind: 'form'; key: string; schema: Record<string, unknown>; cacheKey: string }
  /** The task names a form this server does not have; it cannot be completed here. */
  | { kind: 'unavailable'; key: string; reason: string };

export class TaskFormResolver {
  constructor(private readonly deployments: DeploymentStore, private readonly models: ProcessModelReader) {}

  async formOf(task: Pick<StoredTask, 'formKey' | 'processDefinitionKey' | 'bpmnProcessId'>): Promise<TaskForm> {
    const key = task.formKey;
    if (key === null) return { kind: 'none' };
    if (key.startsWith(EMBEDDED_FORM_PREFIX)) {
      const id = key.slice(EMBEDDED_FORM_PREFIX.length);
      const model = await this.models.model(task.processDefinitionKey, task.bpmnProcessId);
      if (model === undefined) return unavailable(key, 'The process was not deployed through this server, so its embedded forms are unknown here.');
      const text = model.embeddedForms.get(id);
      if (text === undefined) return unavailable(key, `The process embeds no form with the id "${id}".`);
      return parsed(key, text, `embedded:${task.processDefinitionKey}:${id}`);
    }
    if (/^\d+$/.test(key)) {
      const stored = await this.deployments.contentByKey(key);
      if (stored?.kind !== 'form') return unavailable(key, 'The linked form was not deployed through this server.');
      return parsed(key, stored.content, `form:${key}`);
    }
    return unavailable(key, `The form key "${key}" names a form of another application; this task list shows only Camunda forms.`);
  }
}

function unavailable(key: string, reason: string): TaskForm {
  return { kind: 'unavailable', key, reason };
}

function parsed(key: string, text: string, cacheKey: string): TaskForm {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch {
    return unavailable(key, 'The form is not valid JSON.');
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return unavailable(key, 'The form is not a form-js schema.');
  return { kind: 'form', key, schema: schema as Record<string, unknown>, cacheKey };
}
