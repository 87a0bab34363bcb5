/** The task list's problems: what a clerk is told when a task moved on before their request reached it. */
import { HttpProblem, notFound, problemType } from '../http/problem.js';
import type { StoredTask } from './task-store.js';

export const noSuchTask = (key: string) => notFound(`There is no task ${key}.`);

const SOMEONE_ELSE_FIRST = 'Someone else completed it first';

/** The task is not open any more (or is being completed): a 409 for any change, saying what happened. */
export function taskNotOpen(task: StoredTask): HttpProblem {
  switch (task.state) {
    case 'completed':
      return new HttpProblem(409, {
        type: problemType('task-completed'), title: 'Task already completed',
        detail: `${SOMEONE_ELSE_FIRST}: the task was completed at ${task.endedAt ?? 'an earlier time'}.`,
        extensions: { state: task.state, endedAt: task.endedAt },
      });
    case 'gone':
      return new HttpProblem(409, {
        type: problemType('task-gone'), title: 'Task no longer exists',
        detail: `${SOMEONE_ELSE_FIRST}, or the process no longer needs the task (cancelled, or ended by an event). ${task.goneReason ?? ''}`.trim(),
        extensions: { state: task.state, endedAt: task.endedAt },
      });
    case 'completing':
      return new HttpProblem(409, {
        type: problemType('task-completing'), title: 'Task being completed',
        detail: 'Someone else is completing this task right now.',
        extensions: { state: task.state },
      });
    default:
      return new HttpProblem(409, { type: problemType('task-conflict'), detail: 'The task changed meanwhile; load it again.' });
  }
}

/** Opening a task that ended: 410, with what happened. */
export function taskEnded(task: StoredTask): HttpProblem {
  const { title, detail, type } = taskNotOpen(task);
  return new HttpProblem(410, { type, title, detail, extensions: { state: task.state, endedAt: task.endedAt } });
}

export const claimedByOther = (task: StoredTask) => new HttpProblem(409, {
  type: problemType('task-claimed'), title: 'Task claimed by someone else',
  detail: `${task.assigneeName ?? task.assignee} is working on this task.`,
  extensions: { assignee: task.assignee },
});

export const notYourTask = (task: StoredTask) => new HttpProblem(409, {
  type: problemType('task-not-assigned-to-you'), title: 'Task not assigned to you',
  detail: task.assignee === null
    ? 'Claim the task before completing it.'
    : `The task is assigned to ${task.assigneeName ?? task.assignee}; only they can complete it.`,
  extensions: { assignee: task.assignee },
});
