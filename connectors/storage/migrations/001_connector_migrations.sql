-- The schema of the built-in connectors' tables. Each built-in that keeps tables (e-Akte, payment ledger) applies its
-- own migration files when it starts (connectors/sdk/apply-migrations.ts) and records them here.
CREATE TABLE IF NOT EXISTS connector_migrations (
  component text NOT NULL,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (component, name)
);
