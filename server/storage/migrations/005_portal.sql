-- The citizen portal: the processes published as public services, the submissions citizens sent (with their files),
-- and one counter per reference prefix and year, so reference numbers (HUND-2026-000123) have no gaps.

CREATE TABLE portal_services (
  -- The BPMN process id; the service always starts its latest version deployed through this server.
  process_id text PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  reference_prefix text NOT NULL UNIQUE CHECK (reference_prefix ~ '^[A-Z]{2,8}$'),
  published boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text REFERENCES users (id)
);

CREATE TABLE portal_reference_counters (
  prefix text NOT NULL,
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (prefix, year)
);

CREATE TABLE portal_submissions (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  service_id text NOT NULL REFERENCES portal_services (process_id),
  -- pending: stored, instance asked for, not acknowledged yet (the citizen got no reference); confirmed: the engine
  -- acknowledged the instance; unconfirmed: a pending row found after a crash where no exporter tables could tell
  -- whether its instance exists (a remote Zeebe); failed: the engine refused the instance (the number is used up).
  state text NOT NULL CHECK (state IN ('pending', 'confirmed', 'unconfirmed', 'failed')),
  -- SHA-256 of the status token; the token itself is never stored.
  status_token_sha256 text NOT NULL UNIQUE,
  -- SHA-256 of the Idempotency-Key header (with the service id), the request's fingerprint and the salt the token is
  -- derived from, so a retry gets the same answer.
  idempotency_key_sha256 text UNIQUE,
  request_sha256 text,
  token_salt text,
  process_definition_key text NOT NULL,
  bpmn_process_id text NOT NULL,
  process_version integer NOT NULL,
  form_key text NOT NULL,
  data jsonb NOT NULL,
  process_instance_key text,
  failure text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When the instance was last asked for: the request itself, or the background settling that claimed the row.
  attempted_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz
);
CREATE INDEX portal_submissions_pending ON portal_submissions (attempted_at) WHERE state = 'pending';
CREATE INDEX portal_submissions_by_instance ON portal_submissions (process_instance_key);

CREATE TABLE portal_files (
  id uuid PRIMARY KEY,
  submission_id uuid NOT NULL REFERENCES portal_submissions (id),
  -- The file picker's key in the form data (`files::…`) the file was uploaded under.
  field_key text NOT NULL,
  name text NOT NULL,
  -- Sniffed from the bytes, never the client's word.
  content_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL
);
CREATE INDEX portal_files_by_submission ON portal_files (submission_id);
