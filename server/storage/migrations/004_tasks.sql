-- User tasks: one row per `io.camunda.zeebe:userTask` job the task worker activated, keyed by the job key (which is
-- also the task's id in the API). Rows are never deleted: a completed or gone task stays for the record.
CREATE TABLE tasks (
  job_key text PRIMARY KEY,
  -- open: waiting for a clerk; completing: a completion is on its way to the engine; completed: the engine accepted
  -- it; gone: the engine no longer knows the job (instance cancelled, interrupting boundary event, completed elsewhere).
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'completing', 'completed', 'gone')),
  process_instance_key text NOT NULL,
  process_definition_key text NOT NULL,
  bpmn_process_id text NOT NULL,
  process_definition_version integer NOT NULL,
  element_id text NOT NULL,
  element_instance_key text NOT NULL,
  -- The user task's name in the BPMN, when the process was deployed through this server.
  name text,
  form_key text,
  -- Department ids (candidate groups) and user names (candidate users, assignee), as the job headers give them.
  candidate_groups text[] NOT NULL DEFAULT '{}',
  candidate_users text[] NOT NULL DEFAULT '{}',
  assignee text,
  due_at timestamptz,
  follow_up_at timestamptz,
  -- The variables visible at the task when the job was (last) activated.
  variables jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The job's deadline from its latest activation; the worker takes the job back when it passes.
  lease_ends_at timestamptz NOT NULL,
  -- When the engine last showed that the job exists (an activation or a probe).
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  completing_since timestamptz,
  ended_at timestamptz,
  -- The staff user who completed the task.
  completed_by text,
  -- Why a task is gone, in words.
  gone_reason text
);
-- The open list, by due date or creation, and the tasks a department or user may see.
CREATE INDEX tasks_open_due ON tasks (due_at, job_key) WHERE state = 'open';
CREATE INDEX tasks_open_created ON tasks (created_at, job_key) WHERE state = 'open';
CREATE INDEX tasks_open_groups ON tasks USING gin (candidate_groups) WHERE state = 'open';
-- What the sync checker confirms next.
CREATE INDEX tasks_unconfirmed ON tasks (confirmed_at) WHERE state IN ('open', 'completing');
CREATE INDEX tasks_instance ON tasks (process_instance_key);
