-- The resources exporter's decisions: every deployed decision requirements graph with its DMN XML, and its decisions.
CREATE TABLE decision_requirements (
  decision_requirements_key bigint PRIMARY KEY,
  decision_requirements_id text NOT NULL,
  name text NOT NULL,
  version integer NOT NULL,
  resource_name text NOT NULL,
  -- The DMN XML as deployed.
  resource text NOT NULL,
  deployment_key bigint NOT NULL,
  deleted_at timestamptz
);
CREATE UNIQUE INDEX decision_requirements_by_id_version ON decision_requirements (decision_requirements_id, version);

CREATE TABLE decision_definition (
  decision_key bigint PRIMARY KEY,
  decision_id text NOT NULL,
  name text NOT NULL,
  version integer NOT NULL,
  decision_requirements_key bigint NOT NULL REFERENCES decision_requirements,
  deployment_key bigint NOT NULL,
  deleted_at timestamptz
);
CREATE UNIQUE INDEX decision_definition_by_id_version ON decision_definition (decision_id, version);
