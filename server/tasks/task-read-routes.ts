/** Listing tasks and opening one. */
import type { RequestHandler, Response } from 'express';
import type { ApiRoutes } from '../http/api-routes.js';
import { forbidden } from '../identity/authorization.js';
import { staffOf } from '../identity/request-auth.js';
import { DEPARTMENT_ID_PATTERN, type Role } from '../identity/roles.js';
import { maySee, viewerOf } from './task-access.js';
import type { TaskServices } from './task-module.js';
import { noSuchTask, taskEnded } from './task-problems.js';
import type { StoredTask, TaskFilter } from './task-store.js';
import { TASK_DETAIL_SCHEMA, TASK_LIST_SCHEMA, taskDetail, taskSummary } from './task-views.js';

/** Clerks work on tasks, process managers oversee them; admins get no case data (see `task-access.ts`). */
export const TASK_ACCESS: readonly Role[] = ['clerk', 'process-manager'];

export const TASK_KEY_PARAM = { taskKey: { type: 'string', pattern: '^[1-9][0-9]{0,18}$', description: 'The task\'s key (its job key).' } };

const PROBLEM = 'application/problem+json';

/** Loads the task named in the path for the handlers after it: 404 when there is none, 403 when the caller may not see it. */
export function taskOfPath(services: Pick<TaskServices, 'store'>): RequestHandler {
  return async (req, res, next) => {
    const key = String(req.params.taskKey);
    const task = /^[1-9][0-9]{0,18}$/.test(key) ? await services.store.get(key) : undefined;
    if (task === undefined) throw noSuchTask(key);
    if (!maySee(staffOf(req), task)) throw forbidden('This task belongs to a department you are not a clerk of.');
    res.locals.task = task;
    next();
  };
}

export const pathTask = (res: Response) => res.locals.task as StoredTask;

export function registerTaskReadRoutes(routes: ApiRoutes, services: TaskServices): void {
  const { store, sync, forms, attachments } = services;

  routes.add({
    method: 'get', path: '/api/tasks', operationId: 'listTasks', tag: 'tasks', access: TASK_ACCESS,
    summary: 'The open tasks the caller may work on (process managers: all), filtered, sorted and paged',
    description: 'A clerk sees the tasks of their departments (candidate groups), those naming them as a candidate user, and those assigned to them. `total` counts every match; page with `offset` and `limit`. Tasks without a due date come last when sorting by due date.',
    query: {
      type: 'object',
      additionalProperties: false,
      properties: {
        process: { type: 'string', minLength: 1, maxLength: 255, description: 'Only tasks of this process (bpmnProcessId)' },
        dueBefore: { type: 'string', format: 'date-time', description: 'Only tasks due before this time' },
        dueAfter: { type: 'string', format: 'date-time', description: 'Only tasks due at or after this time' },
        aktenzeichen: {
          type: 'string', minLength: 1, maxLength: 100, pattern: '\\S',
          description: 'Only tasks of cases whose Aktenzeichen is this or starts with it, in any case (`HUND-2026-000001`, `hund-2026`); blanks around it are ignored',
        },
        assignee: { enum: ['me', 'unassigned', 'anyone'], default: 'anyone' },
        candidateGroup: { type: 'string', pattern: DEPARTMENT_ID_PATTERN, description: 'Only tasks for this department' },
        sort: { enum: ['due', 'created'], default: 'due' },
        order: { enum: ['asc', 'desc'], default: 'asc' },
        offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
        limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
      },
    },
    responses: { 200: { description: 'One page of tasks', schema: TASK_LIST_SCHEMA } },
    async handler(req, res, { query }) {
      const filter = { ...query, bpmnProcessId: query.process } as unknown as TaskFilter;
      const { tasks, total } = await store.list(viewerOf(staffOf(req)), filter);
      res.json({ tasks: tasks.map(taskSummary), total, offset: filter.offset, limit: filter.limit });
    },
  });

  routes.add({
    method: 'get', path: '/api/tasks/:taskKey', operationId: 'getTask', tag: 'tasks', access: TASK_ACCESS,
    summary: 'One task with its form, the process variables and the case\'s files',
    description: 'Opening a task asks the engine whether its job still exists; a task that ended answers 410 with what happened.',
    params: TASK_KEY_PARAM,
    guards: [taskOfPath(services)],
    responses: {
      200: { description: 'The task', schema: TASK_DETAIL_SCHEMA },
      404: { description: 'No such task', contentType: PROBLEM },
      410: { description: 'The task was completed or no longer exists', contentType: PROBLEM },
    },
    async handler(req, res) {
      const task = await sync.refresh(pathTask(res));
      if (task.state === 'completed' || task.state === 'gone') throw taskEnded(task);
      const [form, files] = await Promise.all([forms.formOf(task), attachments.attachmentsOf(task)]);
      res.json(taskDetail(task, staffOf(req), form, files));
    },
  });
}
