/**
 * Who may do what with a task. Clerks work on the tasks of their departments (candidate groups), tasks naming them
 * as a candidate user, and tasks assigned to them; process managers see every task and (re)assign any of them, but
 * work on none unless they are also clerks. Admins manage accounts, not cases: they get no task data unless they give
 * themselves a role, which the audit log records.
 */
import { hasRole, type StaffUser } from '../identity/staff-user.js';
import { normalUsername, type StoredTask, type TaskViewer } from './task-store.js';

type TaskParties = Pick<StoredTask, 'candidateGroups' | 'candidateUsers' | 'assignee'>;

const isProcessManager = (user: StaffUser) => hasRole(user, 'process-manager');
const isClerk = (user: StaffUser) => hasRole(user, 'clerk');
export const isAssignee = (user: StaffUser, task: TaskParties) => task.assignee !== null && task.assignee === normalUsername(user.username);

/** A clerk the task is meant for by the process: a candidate group they belong to, or a candidate user they are. */
export function isCandidate(user: Pick<StaffUser, 'roles' | 'departments' | 'username'>, task: TaskParties): boolean {
  if (!user.roles.includes('clerk')) return false;
  return task.candidateGroups.some((group) => user.departments.includes(group))
    || task.candidateUsers.includes(normalUsername(user.username));
}

/** May work on it: a candidate, or its assignee (an assignee named by the process or a process manager). */
export function mayWorkOn(user: StaffUser, task: TaskParties): boolean {
  return isCandidate(user, task) || (isClerk(user) && isAssignee(user, task));
}

export function maySee(user: StaffUser, task: TaskParties): boolean {
  return isProcessManager(user) || mayWorkOn(user, task);
}

/** Claiming and completing are a clerk's work. */
export const mayClaim = mayWorkOn;

/** The assignee hands a task back; a process manager takes it off anyone. */
export function mayUnclaim(user: StaffUser, task: TaskParties): boolean {
  return isProcessManager(user) || (mayWorkOn(user, task) && (task.assignee === null || isAssignee(user, task)));
}

/** A process manager assigns any task; a clerk one that is free or theirs (to a colleague, say). */
export function mayAssign(user: StaffUser, task: TaskParties): boolean {
  return isProcessManager(user) || (mayWorkOn(user, task) && (task.assignee === null || isAssignee(user, task)));
}

/**
 * Who a task may be assigned to: an active clerk; by a clerk only to a candidate (within the department), by a
 * process manager to any clerk (which makes that clerk able to work on it).
 */
export function mayBeAssignedTo(assigner: StaffUser, assignee: StaffUser, task: TaskParties): boolean {
  if (assignee.disabled || !isClerk(assignee)) return false;
  return isProcessManager(assigner) || isCandidate(assignee, task);
}

export function viewerOf(user: StaffUser): TaskViewer {
  return {
    seesAll: isProcessManager(user),
    ...(isClerk(user) ? { clerk: { username: user.username, departments: user.departments } } : {}),
  };
}

/** What the caller may do with the task now, for the task list's buttons. */
export function actionsFor(user: StaffUser, task: TaskParties & Pick<StoredTask, 'state'>) {
  const open = task.state === 'open';
  return {
    claim: open && mayClaim(user, task) && task.assignee === null,
    unclaim: open && task.assignee !== null && mayUnclaim(user, task),
    assign: open && mayAssign(user, task),
    complete: open && isClerk(user) && isAssignee(user, task),
  };
}
