/** The task list's pages: the queue and one task. */
import { matchPath, useRouter } from '../../shared/routing/router.js';
import type { StaffUser } from '../auth/auth-api.js';
import { StaffLayout } from '../layout/StaffLayout.js';
import { TaskPage } from './detail/TaskPage.js';
import { TaskListPage } from './list/TaskListPage.js';
import './tasks.css';

export function TaskRoutes({ user }: { user: StaffUser }) {
  const { path } = useRouter();
  const task = matchPath('/staff/tasks/:taskKey', path);
  // Keyed by the task, so opening another task starts afresh.
  return <StaffLayout user={user}>{task ? <TaskPage key={task.taskKey} taskKey={task.taskKey} /> : <TaskListPage />}</StaffLayout>;
}
