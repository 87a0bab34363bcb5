/**
 * The files of the submission that started a task's process instance, for the task list: the `AttachmentReader` the
 * task module is given, and the route a clerk downloads them by, open to whoever may see the task.
 */
import type { ApiRoutes } from '../http/api-routes.js';
import type { AttachmentReader, TaskAttachment } from '../tasks/attachment-reader.js';
import { TASK_ACCESS, TASK_KEY_PARAM, pathTask, taskOfPath } from '../tasks/task-read-routes.js';
import type { TaskStore } from '../tasks/task-store.js';
import { sendFile } from './citizen-routes.js';
import { noSuchSubmission } from './portal-problems.js';
import type { SubmissionStore } from './submission-store.js';

export const taskAttachmentPath = (taskKey: string, attachmentId: string) => `/api/tasks/${taskKey}/attachments/${attachmentId}`;

export class SubmissionAttachments implements AttachmentReader {
  constructor(private readonly store: SubmissionStore) {}

  async attachmentsOf(task: { key: string; processInstanceKey: string }): Promise<TaskAttachment[]> {
    const files = await this.store.filesOfInstance(task.processInstanceKey);
    return files.map((file) => ({ id: file.id, name: file.name, contentType: file.contentType, size: file.size, href: taskAttachmentPath(task.key, file.id) }));
  }
}

export function registerTaskAttachmentRoute(routes: ApiRoutes, { store, tasks }: { store: SubmissionStore; tasks: TaskStore }): void {
  routes.add({
    method: 'get', path: '/api/tasks/:taskKey/attachments/:attachmentId', operationId: 'downloadTaskAttachment', tag: 'tasks', access: TASK_ACCESS,
    summary: 'A file the citizen sent with the submission that started the task\'s case',
    params: { ...TASK_KEY_PARAM, attachmentId: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } },
    guards: [taskOfPath({ store: tasks })],
    responses: { 200: { description: 'The file, as a download', contentType: 'application/octet-stream' }, 404: { description: 'No such task or file', contentType: 'application/problem+json' } },
    async handler(_req, res, { params }) {
      const file = await store.fileContentOfInstance(pathTask(res).processInstanceKey, params.attachmentId);
      if (file === undefined) throw noSuchSubmission();
      sendFile(res, file);
    },
  });
}
