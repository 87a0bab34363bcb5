-- Documents a citizen hands in later for an open case (proofs the office asked for): a published service may name
-- the message by which its process takes them and the variable it expects them in. Each hand-in is stored with its
-- files before the citizen is answered, then published as that message, correlated by the case's reference number.

ALTER TABLE portal_services
  ADD COLUMN later_documents_message text,
  ADD COLUMN later_documents_variable text,
  ADD CONSTRAINT portal_services_later_documents CHECK ((later_documents_message IS NULL) = (later_documents_variable IS NULL));

CREATE TABLE portal_later_documents (
  -- Also the message id: a publish repeated after a crash is refused by the engine as a duplicate, never correlated twice.
  id uuid PRIMARY KEY,
  submission_id uuid NOT NULL REFERENCES portal_submissions (id),
  -- pending: stored, message asked for, not acknowledged yet; published: the engine acknowledged the message.
  state text NOT NULL CHECK (state IN ('pending', 'published')),
  -- What was published, as the service declared it when the citizen sent the files.
  message_name text NOT NULL,
  variable text NOT NULL,
  correlation_key text NOT NULL,
  -- SHA-256 of the Idempotency-Key header (with the submission id) and of the request, so a retry gets the same answer.
  idempotency_key_sha256 text UNIQUE,
  request_sha256 text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When the message was last asked for: the request itself, or the background settling that claimed the row.
  attempted_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX portal_later_documents_pending ON portal_later_documents (attempted_at) WHERE state = 'pending';

-- A file handed in later belongs to the case's submission (so the status page and the task list show it) and names its hand-in.
ALTER TABLE portal_files ADD COLUMN later_documents_id uuid REFERENCES portal_later_documents (id);
