/** The task list over the server's /api/tasks routes (server/README.md, "Task list"). */
import { http } from '../../shared/http/http-client.js';

export interface TaskSummary {
  key: string;
  state: 'open' | 'completing' | 'completed' | 'gone';
  name: string | null;
  /** The case's Aktenzeichen, when its process keeps one (`caseReference` falls back to the instance). */
  aktenzeichen: string | null;
  bpmnProcessId: string;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  processInstanceKey: string;
  elementId: string;
  formKey: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee: string | null;
  assigneeName: string | null;
  dueDate: string | null;
  followUpDate: string | null;
  createdAt: string;
}

export interface TaskActions {
  claim: boolean;
  unclaim: boolean;
  assign: boolean;
  complete: boolean;
}

export interface TaskAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  href: string;
}

export interface TaskDetail {
  task: TaskSummary & { actions: TaskActions };
  form: { key: string; schema: Record<string, unknown> } | null;
  formProblem?: string;
  variables: Record<string, unknown>;
  attachments: TaskAttachment[];
}

/** The list route's query, as the server declares it; absent members take the server's defaults. */
export interface TaskQuery {
  process?: string;
  dueBefore?: string;
  dueAfter?: string;
  aktenzeichen?: string;
  assignee?: 'me' | 'unassigned' | 'anyone';
  sort?: 'due' | 'created';
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface TaskPage {
  tasks: TaskSummary[];
  total: number;
  offset: number;
  limit: number;
}

const taskPath = (key: string) => `/api/tasks/${encodeURIComponent(key)}`;
const answerTask = async (answer: Promise<{ task: TaskSummary }>) => (await answer).task;

export const tasksApi = {
  list(query: TaskQuery) {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
    return http.request<TaskPage>(`/api/tasks?${params}`);
  },
  get: (key: string) => http.request<TaskDetail>(taskPath(key)),
  claim: (key: string) => answerTask(http.request(`${taskPath(key)}/claim`, { method: 'POST' })),
  unclaim: (key: string) => answerTask(http.request(`${taskPath(key)}/unclaim`, { method: 'POST' })),
  assign: (key: string, assignee: string) => answerTask(http.request(`${taskPath(key)}/assign`, { method: 'POST', json: { assignee } })),
  complete: (key: string, data: Record<string, unknown> | undefined) =>
    http.request<{ task: TaskSummary; variables: Record<string, unknown> }>(`${taskPath(key)}/complete`, { method: 'POST', json: data === undefined ? {} : { data } }),
};
