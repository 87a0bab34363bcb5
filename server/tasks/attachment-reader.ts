/**
 * The files that came with a task's case: the portal keeps the files a citizen uploaded with a submission and
 * implements this for the task list (by the process instance the submission started; `portal/task-attachments.ts`).
 */

export interface TaskAttachment {
  id: string;
  /** The file name as uploaded. */
  name: string;
  contentType: string;
  size: number;
  /** Where a staff member's browser downloads it (a route of the module that stores the files, which checks access). */
  href: string;
}

export interface AttachmentReader {
  /** The files of the case a task belongs to; empty when there are none. */
  attachmentsOf(task: { key: string; processInstanceKey: string; variables: Readonly<Record<string, unknown>> }): Promise<TaskAttachment[]>;
}

export const NO_ATTACHMENTS: AttachmentReader = {
  attachmentsOf: async () => [],
};
