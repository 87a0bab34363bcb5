/** How tasks look in answers, and the JSON schemas that document it (OpenAPI). */
import type { StaffUser } from '../identity/staff-user.js';
import type { TaskAttachment } from './attachment-reader.js';
import { actionsFor } from './task-access.js';
import type { TaskForm } from './task-forms.js';
import type { StoredTask } from './task-store.js';

export function taskSummary(task: StoredTask) {
  return {
    key: task.key,
    state: task.state,
    name: task.name,
    aktenzeichen: task.aktenzeichen,
    bpmnProcessId: task.bpmnProcessId,
    processDefinitionKey: task.processDefinitionKey,
    processDefinitionVersion: task.processDefinitionVersion,
    processInstanceKey: task.processInstanceKey,
    elementId: task.elementId,
    formKey: task.formKey,
    candidateGroups: task.candidateGroups,
    candidateUsers: task.candidateUsers,
    assignee: task.assignee,
    assigneeName: task.assigneeName,
    dueDate: task.dueDate,
    followUpDate: task.followUpDate,
    createdAt: task.createdAt,
  };
}

/** One task for the caller: with its actions, form, variables and attachments. */
export function taskDetail(task: StoredTask, user: StaffUser, form: TaskForm, attachments: TaskAttachment[]) {
  return {
    task: { ...taskSummary(task), actions: actionsFor(user, task) },
    form: form.kind === 'form' ? { key: form.key, schema: form.schema } : null,
    ...(form.kind === 'unavailable' ? { formProblem: form.reason } : {}),
    variables: task.variables,
    attachments,
  };
}

const nullableText = { type: ['string', 'null'] };
const nullableTime = { type: ['string', 'null'], format: 'date-time' };
const texts = { type: 'array', items: { type: 'string' } };

export const TASK_SUMMARY_SCHEMA = {
  type: 'object',
  properties: {
    key: { type: 'string', description: 'The task id: the key of its user-task job.' },
    state: { enum: ['open', 'completing', 'completed', 'gone'] },
    name: { ...nullableText, description: 'The user task\'s name in the BPMN.' },
    aktenzeichen: { ...nullableText, description: 'The case\'s Aktenzeichen, e.g. `HUND-2026-000001`: the instance\'s `aktenzeichen` variable, else the reference of the portal submission that started it (`submissionReference`); null when it has neither as a text.' },
    bpmnProcessId: { type: 'string' },
    processDefinitionKey: { type: 'string' },
    processDefinitionVersion: { type: 'integer' },
    processInstanceKey: { type: 'string' },
    elementId: { type: 'string' },
    formKey: nullableText,
    candidateGroups: { ...texts, description: 'Departments whose clerks may work on the task.' },
    candidateUsers: { ...texts, description: 'User names who may work on the task.' },
    assignee: { ...nullableText, description: 'The user name of the clerk working on it.' },
    assigneeName: nullableText,
    dueDate: nullableTime,
    followUpDate: nullableTime,
    createdAt: { type: 'string', format: 'date-time' },
  },
};

export const TASK_LIST_SCHEMA = {
  type: 'object',
  properties: {
    tasks: { type: 'array', items: TASK_SUMMARY_SCHEMA },
    total: { type: 'integer', description: 'How many tasks match, on all pages.' },
    offset: { type: 'integer' },
    limit: { type: 'integer' },
  },
};

const ACTIONS_SCHEMA = {
  type: 'object',
  description: 'What the caller may do with the task now.',
  properties: { claim: { type: 'boolean' }, unclaim: { type: 'boolean' }, assign: { type: 'boolean' }, complete: { type: 'boolean' } },
};

export const TASK_DETAIL_SCHEMA = {
  type: 'object',
  properties: {
    task: { ...TASK_SUMMARY_SCHEMA, properties: { ...TASK_SUMMARY_SCHEMA.properties, actions: ACTIONS_SCHEMA } },
    form: { type: ['object', 'null'], properties: { key: { type: 'string' }, schema: { type: 'object', description: 'The form-js schema.' } } },
    formProblem: { type: 'string', description: 'Why the task\'s form cannot be shown (and the task not completed here).' },
    variables: { type: 'object', description: 'The process variables visible at the task.' },
    attachments: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' }, href: { type: 'string' } } },
    },
  },
};

export const TASK_ANSWER_SCHEMA = { type: 'object', properties: { task: TASK_SUMMARY_SCHEMA } };
