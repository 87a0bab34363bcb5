-- Exporters turn committed journal batches into query tables (engine/exporters/).

-- When each batch was committed, by the database's clock: exporters date what they write with it (a deletion's time),
-- so a late export (after a restart, after a stall) still writes when it happened. Batches from before this migration
-- carry the time of the migration.
ALTER TABLE journal ADD COLUMN written_at timestamptz NOT NULL DEFAULT now();

-- Each exporter's last exported journal position, moved in the same transaction as the rows it wrote for the batches
-- up to there, so after a crash it resumes exactly after the last batch it exported.
CREATE TABLE exporter_position (
  exporter text PRIMARY KEY,
  position bigint NOT NULL CHECK (position >= 0)
);

-- The resources exporter: every deployed version, deleted ones marked, not removed.
CREATE TABLE process_definition (
  process_definition_key bigint PRIMARY KEY,
  bpmn_process_id text NOT NULL,
  version integer NOT NULL,
  resource_name text NOT NULL,
  -- The BPMN XML the process was deployed in (the whole file). NULL only for processes deployed before the engine's
  -- PROCESS_CREATED events carried it.
  resource text,
  deployment_key bigint NOT NULL,
  deleted_at timestamptz
);
-- A version number is never given out twice for one id, deleted versions included.
CREATE UNIQUE INDEX process_definition_by_id_version ON process_definition (bpmn_process_id, version);

CREATE TABLE form_definition (
  form_key bigint PRIMARY KEY,
  form_id text NOT NULL,
  version integer NOT NULL,
  resource_name text NOT NULL,
  -- The form-js schema as deployed (JSON text).
  schema text NOT NULL,
  deployment_key bigint NOT NULL,
  deleted_at timestamptz
);
CREATE UNIQUE INDEX form_definition_by_id_version ON form_definition (form_id, version);
