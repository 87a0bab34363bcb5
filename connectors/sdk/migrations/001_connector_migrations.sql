-- Which migration files of which connector have run (connectors/sdk/apply-migrations.ts creates it wherever a
-- connector keeps tables). It is also the first migration of the built-in connectors' own schema
-- (connectors/storage/connector-storage.ts), whose tables the built-ins then add with their own files.
CREATE TABLE IF NOT EXISTS connector_migrations (
  component text NOT NULL,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (component, name)
);
