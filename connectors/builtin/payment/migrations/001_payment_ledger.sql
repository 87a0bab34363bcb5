-- Payment transactions as amtsflow asked for them: written before the provider is called (the request id is the
-- idempotency key), then the provider's transaction and its final status, and when the process was told.
CREATE TABLE IF NOT EXISTS payment_transactions (
  request_id text PRIMARY KEY,
  end_point_id text NOT NULL,
  kassenzeichen text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  currency text NOT NULL,
  purpose text NOT NULL,
  message_name text NOT NULL,
  process_instance_key text,
  transaction_id text UNIQUE,
  transaction_redirect_url text,
  status text CHECK (status IN ('INITIAL', 'PAYED', 'CANCELED', 'FAILED')),
  payment_method text,
  problem text,
  created_at timestamptz NOT NULL DEFAULT now(),
  status_changed_at timestamptz,
  correlated_at timestamptz
);

CREATE INDEX IF NOT EXISTS payment_transactions_uncorrelated ON payment_transactions (created_at) WHERE correlated_at IS NULL;
