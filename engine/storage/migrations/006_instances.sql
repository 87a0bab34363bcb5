-- The instances exporter (engine/exporters/instances-exporter.ts): process instances, the history of their element
-- instances, their variables and incidents, for the operations view. Rows are never removed.

-- Every element of every deployed process with its BPMN type (Zeebe's names: SERVICE_TASK, ...) and name. Element
-- events carry at most the element id, so the type is looked up here when an element instance is written.
CREATE TABLE process_element (
  process_definition_key bigint NOT NULL,
  element_id text NOT NULL,
  element_type text NOT NULL,
  element_name text,
  PRIMARY KEY (process_definition_key, element_id)
);

CREATE TABLE process_instance (
  process_instance_key bigint PRIMARY KEY,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  version integer NOT NULL,
  -- CANCELED: terminated (CancelProcessInstance, or its call activity was terminated). Whether it has an incident is
  -- read from `incident`, not kept here.
  state text NOT NULL CHECK (state IN ('ACTIVE', 'COMPLETED', 'CANCELED')),
  -- Times of the journal batches that started and ended it.
  start_time timestamptz NOT NULL,
  end_time timestamptz,
  -- Set for an instance a call activity created: that call activity's instance and its process instance.
  parent_process_instance_key bigint,
  parent_element_instance_key bigint
);
-- Lists are newest first (highest key), filtered by process id and version or by state.
CREATE INDEX process_instance_by_process ON process_instance (bpmn_process_id, version, process_instance_key);
CREATE INDEX process_instance_by_state ON process_instance (state, process_instance_key);
CREATE INDEX process_instance_by_parent ON process_instance (parent_process_instance_key) WHERE parent_process_instance_key IS NOT NULL;

-- Every element instance, the process instance itself included (type PROCESS, flow scope -1): its history.
CREATE TABLE element_instance (
  element_instance_key bigint PRIMARY KEY,
  process_instance_key bigint NOT NULL,
  process_definition_key bigint NOT NULL,
  element_id text NOT NULL,
  element_type text NOT NULL,
  flow_scope_key bigint NOT NULL,
  state text NOT NULL CHECK (state IN ('ACTIVE', 'COMPLETED', 'TERMINATED')),
  start_time timestamptz NOT NULL,
  end_time timestamptz
);
-- Also what the active elements of an instance are counted with. No index on state: it changes when an element ends,
-- and an index on it would turn every such update from a HOT update into one that writes every index again.
CREATE INDEX element_instance_by_instance ON element_instance (process_instance_key, element_instance_key);

-- The current value of each variable, by scope (an element instance key; the process instance key for the instance's
-- own variables). The value is its JSON text, not jsonb: jsonb refuses "\u0000" in strings, which a form field can
-- hold, and one such value would stop the exporter for everybody; nothing queries inside values.
CREATE TABLE variable (
  scope_key bigint NOT NULL,
  name text NOT NULL,
  variable_key bigint NOT NULL,
  process_instance_key bigint NOT NULL,
  value text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (scope_key, name)
);
CREATE INDEX variable_by_instance ON variable (process_instance_key);

CREATE TABLE incident (
  incident_key bigint PRIMARY KEY,
  process_instance_key bigint NOT NULL,
  process_definition_key bigint NOT NULL,
  element_instance_key bigint NOT NULL,
  element_id text NOT NULL,
  error_type text NOT NULL,
  error_message text NOT NULL,
  -- The job that ran out of retries (JOB_NO_RETRIES), else NULL.
  job_key bigint,
  state text NOT NULL CHECK (state IN ('ACTIVE', 'RESOLVED')),
  created_at timestamptz NOT NULL,
  resolved_at timestamptz
);
CREATE INDEX incident_by_instance ON incident (process_instance_key, incident_key);
