/**
 * Claim, unclaim, assign and complete. Each change is decided on the task's row locked in a transaction and audited
 * in that transaction; claim, unclaim and assign first ask the engine whether the job still exists.
 */
import type { Request, Response } from 'express';
import { requestOrigin } from '../audit/audit-log.js';
import type { ApiRoutes } from '../http/api-routes.js';
import { HttpProblem, problemType } from '../http/problem.js';
import { forbidden } from '../identity/authorization.js';
import { staffOf } from '../identity/request-auth.js';
import { USERNAME_SCHEMA } from '../identity/schemas.js';
import { hasRole, type StaffUser } from '../identity/staff-user.js';
import { toStaffUser } from '../identity/user-store.js';
import type { SqlSession } from '../storage/server-storage.js';
import { COMPLETED_BY_SCHEMA } from './completed-by.js';
import { isAssignee, mayAssign, mayBeAssignedTo, mayClaim, mayUnclaim, mayWorkOn } from './task-access.js';
import type { TaskServices } from './task-module.js';
import { claimedByOther, noSuchTask, notYourTask, taskNotOpen } from './task-problems.js';
import { pathTask, TASK_ACCESS, TASK_KEY_PARAM, taskOfPath } from './task-read-routes.js';
import { normalUsername, type StoredTask } from './task-store.js';
import { TASK_ANSWER_SCHEMA, TASK_SUMMARY_SCHEMA, taskSummary } from './task-views.js';

const PROBLEM = 'application/problem+json';
const CONFLICT = { description: 'The task is claimed by someone else, being completed, completed or gone', contentType: PROBLEM };
const NOT_FOUND = { description: 'No such task', contentType: PROBLEM };

const COMPLETE_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: { data: { type: 'object', description: 'The form\'s data, as form-js submits it. Omit for a task without a form.' } },
};

const ASSIGN_BODY = {
  type: 'object',
  required: ['assignee'],
  additionalProperties: false,
  properties: { assignee: { ...USERNAME_SCHEMA, description: 'The user name of the clerk to work on the task.' } },
};

export function registerTaskActionRoutes(routes: ApiRoutes, services: TaskServices): void {
  const { store, sync, completion, context } = services;
  const { sql, audit } = context;

  /** Runs `change` on the task's locked row if it is still open; answers the task as it is afterwards. */
  async function changeOpenTask(req: Request, res: Response, action: string, change: (task: StoredTask, tx: SqlSession) => Promise<Record<string, unknown> | undefined>) {
    const key = pathTask(res).key;
    const refreshed = await sync.refresh(pathTask(res));
    if (refreshed.state !== 'open') throw taskNotOpen(refreshed);
    return sql.transaction(async (tx) => {
      const task = await store.lock(tx, key);
      if (task === undefined) throw noSuchTask(key);
      if (task.state !== 'open') throw taskNotOpen(task);
      const details = await change(task, tx);
      if (details !== undefined) await audit.record({ ...requestOrigin(req), action, target: { kind: 'task', id: key }, details }, tx);
      return (await store.get(key, tx))!;
    });
  }

  routes.add({
    method: 'post', path: '/api/tasks/:taskKey/claim', operationId: 'claimTask', tag: 'tasks', access: TASK_ACCESS,
    summary: 'Claim a task: the caller works on it (clerks of its departments and its candidate users)',
    description: 'Claiming a task one already holds changes nothing.',
    params: TASK_KEY_PARAM,
    guards: [taskOfPath(services)],
    responses: { 200: { description: 'Claimed', schema: TASK_ANSWER_SCHEMA }, 404: NOT_FOUND, 409: CONFLICT },
    async handler(req, res) {
      const user = staffOf(req);
      if (!mayClaim(user, pathTask(res))) throw forbidden('Only clerks of the task\'s departments and its candidate users can claim it.');
      const task = await changeOpenTask(req, res, 'task.claimed', async (current, tx) => {
        if (isAssignee(user, current)) return undefined;
        if (current.assignee !== null) throw claimedByOther(current);
        await store.setAssignee(tx, current.key, user.username);
        return { assignee: normalUsername(user.username) };
      });
      res.json({ task: taskSummary(task) });
    },
  });

  routes.add({
    method: 'post', path: '/api/tasks/:taskKey/unclaim', operationId: 'unclaimTask', tag: 'tasks', access: TASK_ACCESS,
    summary: 'Hand a task back: nobody works on it (its assignee, or a process manager)',
    description: 'Unclaiming a task nobody holds changes nothing.',
    params: TASK_KEY_PARAM,
    guards: [taskOfPath(services)],
    responses: { 200: { description: 'Unclaimed', schema: TASK_ANSWER_SCHEMA }, 404: NOT_FOUND, 409: CONFLICT },
    async handler(req, res) {
      const user = staffOf(req);
      const task = await changeOpenTask(req, res, 'task.unclaimed', async (current, tx) => {
        if (!mayUnclaim(user, current)) throw forbidden(`Only ${current.assigneeName ?? current.assignee} or a process manager can hand this task back.`);
        if (current.assignee === null) return undefined;
        await store.setAssignee(tx, current.key, null);
        return { previousAssignee: current.assignee };
      });
      res.json({ task: taskSummary(task) });
    },
  });

  routes.add({
    method: 'post', path: '/api/tasks/:taskKey/assign', operationId: 'assignTask', tag: 'tasks', access: TASK_ACCESS,
    summary: 'Assign a task to a clerk (process managers: any clerk; clerks: a free or their own task, to a clerk of its departments)',
    params: TASK_KEY_PARAM,
    guards: [taskOfPath(services)],
    body: { json: ASSIGN_BODY },
    responses: {
      200: { description: 'Assigned', schema: TASK_ANSWER_SCHEMA },
      404: NOT_FOUND,
      409: CONFLICT,
      422: { description: 'The user cannot be assigned this task', contentType: PROBLEM },
    },
    async handler(req, res, { body }) {
      const user = staffOf(req);
      if (!mayWorkOn(user, pathTask(res)) && !hasRole(user, 'process-manager')) throw forbidden('Only clerks of the task\'s departments and process managers can assign it.');
      const { assignee: username } = body as { assignee: string };
      const task = await changeOpenTask(req, res, 'task.assigned', async (current, tx) => {
        if (!mayAssign(user, current)) throw claimedByOther(current);
        const assignee = await assignableUser(tx, user, username, current);
        if (current.assignee === normalUsername(assignee.username)) return undefined;
        await store.setAssignee(tx, current.key, assignee.username);
        return { assignee: normalUsername(assignee.username), previousAssignee: current.assignee };
      });
      res.json({ task: taskSummary(task) });
    },
  });

  /** The account a task may be given to, or 422. */
  async function assignableUser(tx: SqlSession, assigner: StaffUser, username: string, task: StoredTask): Promise<StaffUser> {
    const row = await context.users.rowByUsername(username, tx);
    const assignee = row && toStaffUser(row);
    if (assignee !== undefined && mayBeAssignedTo(assigner, assignee, task)) return assignee;
    const detail = assignee === undefined || assignee.disabled || !hasRole(assignee, 'clerk')
      ? `There is no active clerk named "${username}".`
      : `${assignee.displayName} is not a clerk of the task's departments nor one of its candidate users.`;
    throw new HttpProblem(422, { type: problemType('assignee-not-allowed'), title: 'Cannot assign to this user', detail, errors: [{ pointer: '/assignee', detail }] });
  }

  routes.add({
    method: 'post', path: '/api/tasks/:taskKey/complete', operationId: 'completeTask', tag: 'tasks', access: TASK_ACCESS,
    summary: 'Complete a task with its form\'s data (its assignee)',
    description: [
      'The data is validated with the task\'s form as the form-js viewer would (422 with field errors, nothing completed); the job is completed with the cleaned data: shown, enabled fields only.',
      'The server adds who completed it, from the session, as the variable `completedBy: { id, username, name }` (the account\'s id, sign-in name and display name), over anything the data holds under that name:',
      'a process that needs it per task (a four-eyes rule) maps it with an output mapping, e.g. `=completedBy.username` → `pruefung.geprueftVon`.',
      'A task someone else completed first, or whose process no longer needs it, answers 409.',
    ].join(' '),
    params: TASK_KEY_PARAM,
    guards: [taskOfPath(services)],
    body: { json: COMPLETE_BODY },
    responses: {
      200: {
        description: 'Completed; the variables the job was completed with (the cleaned data and `completedBy`)',
        schema: { type: 'object', properties: { task: TASK_SUMMARY_SCHEMA, variables: { type: 'object', properties: { completedBy: COMPLETED_BY_SCHEMA } } } },
      },
      404: NOT_FOUND,
      409: { description: 'Not assigned to the caller, completed by someone else first, gone, or the form is unavailable', contentType: PROBLEM },
      422: { description: 'The data does not fill in the form correctly: `errors` has one entry per field', contentType: PROBLEM },
      502: { description: 'The engine answered with an unexpected error', contentType: PROBLEM },
      503: { description: 'The engine is unavailable; the task stays open', contentType: PROBLEM },
    },
    async handler(req, res, { body }) {
      const user = staffOf(req);
      const task = pathTask(res);
      if (!hasRole(user, 'clerk') || !mayWorkOn(user, task)) throw forbidden('Only clerks complete tasks: the task\'s assignee.');
      if (task.state !== 'open') throw taskNotOpen(task);
      if (!isAssignee(user, task)) throw notYourTask(task);
      const variables = await completion.complete({
        task, user, submitted: (body as { data?: unknown }).data, origin: requestOrigin(req),
        locale: req.acceptsLanguages('de', 'en') || 'de',
      });
      res.json({ task: taskSummary((await store.get(task.key))!), variables });
    },
  });
}
