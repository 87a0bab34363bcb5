-- What was deployed through this server, kept here so that the XML of any version can be downloaded and forms read
-- by key even against a real Zeebe cluster, which offers neither over its gateway.
CREATE TABLE deployments (
  -- Zeebe's deployment key, a decimal string.
  key text PRIMARY KEY,
  deployed_at timestamptz NOT NULL DEFAULT now(),
  deployed_by text
);

CREATE TABLE deployed_resources (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  deployment_key text NOT NULL REFERENCES deployments (key),
  name text NOT NULL,
  -- BPMN or DMN XML, or form JSON, as uploaded.
  content text NOT NULL,
  sha256 text NOT NULL
);

-- One row per definition Zeebe created: processes, forms, decisions and decision requirements graphs.
CREATE TABLE definitions (
  -- processDefinitionKey, formKey, decisionKey or decisionRequirementsKey.
  key text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('process', 'form', 'decision', 'decision-requirements')),
  -- bpmnProcessId, formId, dmnDecisionId or dmnDecisionRequirementsId.
  definition_id text NOT NULL,
  name text,
  version integer NOT NULL,
  tenant_id text,
  -- A decision's decision requirements graph.
  parent_key text,
  resource_id bigint NOT NULL REFERENCES deployed_resources (id),
  deployment_key text NOT NULL REFERENCES deployments (key)
);
-- Not unique: a cluster that was reset hands out version 1 again, under a new key.
CREATE INDEX definitions_by_id ON definitions (kind, definition_id, version);
