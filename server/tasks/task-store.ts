/**
 * The `tasks` table: the queries, in one place. State changes are conditional on the state they start from, so the
 * worker, the sync checker and clerks' requests can race without one undoing another.
 */
import { escapeLike } from '../storage/like-pattern.js';
import type { SqlClient, SqlSession } from '../storage/server-storage.js';
import type { JobOrigin, TaskFromJob } from './user-task-job.js';

export type TaskState = 'open' | 'completing' | 'completed' | 'gone';

export interface StoredTask extends JobOrigin {
  key: string;
  state: TaskState;
  name: string | null;
  /** The case's Aktenzeichen: the `aktenzeichen` variable, else the portal's `submissionReference` (migration 009). */
  aktenzeichen: string | null;
  formKey: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  /** A user name (lower case). */
  assignee: string | null;
  /** The assignee's display name, when they have an account here. */
  assigneeName: string | null;
  dueDate: string | null;
  followUpDate: string | null;
  createdAt: string;
  leaseEndsAt: string;
  confirmedAt: string;
  completingSince: string | null;
  endedAt: string | null;
  completedBy: string | null;
  goneReason: string | null;
  variables: Record<string, unknown>;
}

/** Whose list it is: what the caller may see decides the rows, before any filter. */
export interface TaskViewer {
  /** Process managers see every task. */
  seesAll: boolean;
  /** Clerks see the tasks of their departments, those naming them as candidate, and those assigned to them. */
  clerk?: { username: string; departments: string[] };
}

export interface TaskFilter {
  bpmnProcessId?: string;
  dueBefore?: string;
  dueAfter?: string;
  /** Tasks whose Aktenzeichen is this or starts with it, in any case. */
  aktenzeichen?: string;
  /** `me`: assigned to the viewer; `unassigned`; `anyone` (the default). */
  assignee?: 'me' | 'unassigned' | 'anyone';
  candidateGroup?: string;
  sort: 'due' | 'created';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

interface TaskRow {
  job_key: string;
  state: TaskState;
  name: string | null;
  aktenzeichen: string | null;
  process_instance_key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  process_definition_version: number;
  element_id: string;
  element_instance_key: string;
  form_key: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  assignee: string | null;
  assignee_name: string | null;
  due_at: Date | string | null;
  follow_up_at: Date | string | null;
  created_at: Date | string;
  lease_ends_at: Date | string;
  confirmed_at: Date | string;
  completing_since: Date | string | null;
  ended_at: Date | string | null;
  completed_by: string | null;
  gone_reason: string | null;
  variables: Record<string, unknown> | string;
}

const COLUMNS = `t.*, u.display_name AS assignee_name`;
const FROM = `tasks t LEFT JOIN users u ON lower(u.username) = t.assignee`;

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

function toTask(row: TaskRow): StoredTask {
  return {
    key: row.job_key,
    state: row.state,
    name: row.name,
    aktenzeichen: row.aktenzeichen,
    processInstanceKey: row.process_instance_key,
    processDefinitionKey: row.process_definition_key,
    bpmnProcessId: row.bpmn_process_id,
    processDefinitionVersion: row.process_definition_version,
    elementId: row.element_id,
    elementInstanceKey: row.element_instance_key,
    formKey: row.form_key,
    candidateGroups: [...row.candidate_groups],
    candidateUsers: [...row.candidate_users],
    assignee: row.assignee,
    assigneeName: row.assignee_name,
    dueDate: isoOrNull(row.due_at),
    followUpDate: isoOrNull(row.follow_up_at),
    createdAt: iso(row.created_at),
    leaseEndsAt: iso(row.lease_ends_at),
    confirmedAt: iso(row.confirmed_at),
    completingSince: isoOrNull(row.completing_since),
    endedAt: isoOrNull(row.ended_at),
    completedBy: row.completed_by,
    goneReason: row.gone_reason,
    variables: typeof row.variables === 'string' ? JSON.parse(row.variables) as Record<string, unknown> : row.variables,
  };
}

/** User names are case-insensitive here, as the `users` table has them. */
export const normalUsername = (name: string) => name.toLowerCase();

export type ActivationOutcome = 'created' | 'renewed' | 'ended';

export interface TaskToConfirm {
  key: string;
  state: 'open' | 'completing';
}

export class TaskStore {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Records an activated job: a new task, or a known one taken back after its lease ran out (fresh variables and
   * deadline; the assignee a clerk chose stays). A task recorded as ended is left alone (`ended`): the activation may
   * have been handed out just before the job was completed or cancelled; see `reopen`.
   */
  async recordActivation(tx: SqlSession, task: TaskFromJob, name: string | null): Promise<ActivationOutcome> {
    const inserted = await tx.query(
      `INSERT INTO tasks (job_key, process_instance_key, process_definition_key, bpmn_process_id, process_definition_version,
         element_id, element_instance_key, name, form_key, candidate_groups, candidate_users, assignee, due_at, follow_up_at,
         variables, lease_ends_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11::text[], $12, $13, $14, $15::jsonb, $16)
       ON CONFLICT (job_key) DO NOTHING RETURNING job_key`,
      [task.jobKey, task.processInstanceKey, task.processDefinitionKey, task.bpmnProcessId, task.processDefinitionVersion,
        task.elementId, task.elementInstanceKey, name, task.formKey, task.candidateGroups, task.candidateUsers.map(normalUsername),
        task.assignee === null ? null : normalUsername(task.assignee), task.dueAt, task.followUpAt, JSON.stringify(task.variables),
        task.leaseEndsAt],
    );
    if (inserted.length > 0) return 'created';
    const renewed = await tx.query(
      `UPDATE tasks SET variables = $2::jsonb, lease_ends_at = $3, confirmed_at = now()
       WHERE job_key = $1 AND state IN ('open', 'completing') RETURNING job_key`,
      [task.jobKey, JSON.stringify(task.variables), task.leaseEndsAt],
    );
    return renewed.length > 0 ? 'renewed' : 'ended';
  }

  /**
   * Opens a task recorded as ended again, once the engine has shown that its job still exists: the engine is the
   * judge, and a job nobody works on would hold its process instance forever.
   */
  async reopen(tx: SqlSession, task: TaskFromJob): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE tasks SET state = 'open', ended_at = NULL, completed_by = NULL, gone_reason = NULL, completing_since = NULL,
         variables = $2::jsonb, lease_ends_at = $3, confirmed_at = now()
       WHERE job_key = $1 AND state IN ('completed', 'gone') RETURNING job_key`,
      [task.jobKey, JSON.stringify(task.variables), task.leaseEndsAt],
    );
    return rows.length > 0;
  }

  async get(key: string, tx: SqlSession = this.sql): Promise<StoredTask | undefined> {
    const [row] = await tx.query<TaskRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.job_key = $1`, [key]);
    return row && toTask(row);
  }

  /** The task, its row locked until the transaction ends: decide and change it without another request between. */
  async lock(tx: SqlSession, key: string): Promise<StoredTask | undefined> {
    await tx.query('SELECT job_key FROM tasks WHERE job_key = $1 FOR UPDATE', [key]);
    return this.get(key, tx);
  }

  /** One page of the open tasks the viewer may see, and how many there are in all. */
  async list(viewer: TaskViewer, filter: TaskFilter): Promise<{ tasks: StoredTask[]; total: number }> {
    const conditions = [`t.state = 'open'`];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (!viewer.seesAll) {
      if (viewer.clerk === undefined) return { tasks: [], total: 0 };
      const username = param(normalUsername(viewer.clerk.username));
      conditions.push(`(t.candidate_groups && ${param(viewer.clerk.departments)}::text[] OR ${username} = ANY(t.candidate_users) OR t.assignee = ${username})`);
    }
    if (filter.bpmnProcessId !== undefined) conditions.push(`t.bpmn_process_id = ${param(filter.bpmnProcessId)}`);
    if (filter.dueBefore !== undefined) conditions.push(`t.due_at < ${param(filter.dueBefore)}::timestamptz`);
    if (filter.dueAfter !== undefined) conditions.push(`t.due_at >= ${param(filter.dueAfter)}::timestamptz`);
    if (filter.aktenzeichen !== undefined) conditions.push(`lower(t.aktenzeichen) LIKE ${param(`${escapeLike(filter.aktenzeichen.trim().toLowerCase())}%`)}`);
    if (filter.candidateGroup !== undefined) conditions.push(`${param(filter.candidateGroup)} = ANY(t.candidate_groups)`);
    if (filter.assignee === 'unassigned') conditions.push('t.assignee IS NULL');
    if (filter.assignee === 'me') conditions.push(`t.assignee = ${param(viewer.clerk ? normalUsername(viewer.clerk.username) : '')}`);
    const where = conditions.join(' AND ');
    const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
    // Tasks without a due date come last either way; the job key breaks ties in the order the engine created them.
    const orderBy = filter.sort === 'due'
      ? `t.due_at ${direction} NULLS LAST, t.created_at ${direction}, length(t.job_key) ${direction}, t.job_key ${direction}`
      : `t.created_at ${direction}, length(t.job_key) ${direction}, t.job_key ${direction}`;
    const [{ total }] = await this.sql.query<{ total: number | string }>(`SELECT count(*) AS total FROM tasks t WHERE ${where}`, params);
    const rows = await this.sql.query<TaskRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where} ORDER BY ${orderBy} LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    );
    return { tasks: rows.map(toTask), total: Number(total) };
  }

  async setAssignee(tx: SqlSession, key: string, assignee: string | null): Promise<void> {
    await tx.query(`UPDATE tasks SET assignee = $2 WHERE job_key = $1 AND state = 'open'`, [key, assignee === null ? null : normalUsername(assignee)]);
  }

  /** open → completing; false when the task was not open (someone else got there first). */
  async beginCompletion(key: string): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE tasks SET state = 'completing', completing_since = now() WHERE job_key = $1 AND state = 'open' RETURNING job_key`,
      [key],
    );
    return rows.length > 0;
  }

  /** completing → completed, by the user whose completion the engine accepted. */
  async finishCompletion(tx: SqlSession, key: string, userId: string): Promise<void> {
    await tx.query(
      `UPDATE tasks SET state = 'completed', ended_at = now(), completed_by = $2, completing_since = NULL
       WHERE job_key = $1 AND state = 'completing'`,
      [key, userId],
    );
  }

  /** completing → open: the engine did not take the completion (unavailable, refused for a reason that may pass). */
  async abandonCompletion(key: string): Promise<void> {
    await this.sql.query(`UPDATE tasks SET state = 'open', completing_since = NULL WHERE job_key = $1 AND state = 'completing'`, [key]);
  }

  /** The engine does not know the job any more; true when this call ended the task. */
  async markGone(tx: SqlSession, key: string, reason: string, from: readonly TaskState[] = ['open']): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE tasks SET state = 'gone', ended_at = now(), gone_reason = $2, completing_since = NULL
       WHERE job_key = $1 AND state = ANY($3::text[]) RETURNING job_key`,
      [key, reason, [...from]],
    );
    return rows.length > 0;
  }

  /** The engine showed these jobs exist. */
  async confirm(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.sql.query(`UPDATE tasks SET confirmed_at = now() WHERE job_key = ANY($1::text[]) AND state IN ('open', 'completing')`, [[...keys]]);
  }

  /**
   * The tasks to confirm with the engine next, at most `limit`: first open tasks whose lease ran out over `graceMs`
   * ago without the worker taking the job back or a probe confirming it since (likely gone), then those confirmed
   * longest ago, past `recheckAfterMs`; and completions stuck for over `stuckAfterMs` (a crash between asking the
   * engine and recording its answer).
   */
  async dueForConfirmation(options: { recheckAfterMs: number; graceMs: number; stuckAfterMs: number; limit: number }): Promise<TaskToConfirm[]> {
    const leaseLapsed = `(lease_ends_at < now() - $2::float8 * interval '1 millisecond' AND confirmed_at < lease_ends_at + $2::float8 * interval '1 millisecond')`;
    return this.sql.query<TaskToConfirm>(
      `SELECT job_key AS key, state FROM tasks
       WHERE (state = 'open' AND (confirmed_at < now() - $1::float8 * interval '1 millisecond' OR ${leaseLapsed}))
          OR (state = 'completing' AND completing_since < now() - $3::float8 * interval '1 millisecond')
       ORDER BY ${leaseLapsed} DESC, confirmed_at ASC
       LIMIT $4`,
      [options.recheckAfterMs, options.graceMs, options.stuckAfterMs, options.limit],
    );
  }
}
