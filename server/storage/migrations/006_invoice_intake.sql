-- The Rechnungseingang's intake: each received XRechnung, written pending (with its Aktenzeichen from the counter of
-- prefix RECH in portal_reference_counters, so numbers have no gaps) before the rechnungsworkflow instance is asked
-- for, and settled like the portal's submissions (pending → confirmed, failed or unconfirmed).

CREATE TABLE invoice_intakes (
  id uuid PRIMARY KEY,
  aktenzeichen text NOT NULL UNIQUE,
  state text NOT NULL CHECK (state IN ('pending', 'confirmed', 'unconfirmed', 'failed')),
  -- SHA-256 of the Idempotency-Key header and of what was sent, so a retry gets the same answer.
  idempotency_key_sha256 text UNIQUE,
  request_sha256 text,
  -- UBL Invoice, UBL CreditNote or CII, as the root element said.
  syntax text NOT NULL CHECK (syntax IN ('ubl-invoice', 'ubl-credit-note', 'cii')),
  -- The XML's DocumentReference in the connectors' document store: the process's start variable `rechnung`.
  document jsonb NOT NULL,
  bpmn_process_id text NOT NULL,
  process_version integer NOT NULL,
  process_instance_key text,
  failure text,
  received_by text REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When the instance was last asked for: the request itself, or the background settling that claimed the row.
  attempted_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz
);
CREATE INDEX invoice_intakes_pending ON invoice_intakes (attempted_at) WHERE state = 'pending';
