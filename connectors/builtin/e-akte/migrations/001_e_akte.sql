-- e-Akte: filed documents with their retention, and the offers (xdomea 0501) made to the archive.
CREATE TABLE IF NOT EXISTS eakte_documents (
  document_id uuid PRIMARY KEY,
  -- A filing retried by its job finds the document it filed before instead of filing it twice.
  idempotency_key text UNIQUE,
  aktenzeichen text NOT NULL,
  document_type text NOT NULL,
  title text,
  filename text,
  content_type text,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  content bytea,
  metadata jsonb,
  filed_at timestamptz NOT NULL,
  retention_period text NOT NULL,
  retain_until date NOT NULL,
  disposition text NOT NULL CHECK (disposition IN ('A', 'B', 'V')),
  state text NOT NULL DEFAULT 'filed' CHECK (state IN ('filed', 'offered', 'to-transfer', 'deleted')),
  offer_id uuid,
  process_instance_key text,
  deleted_at timestamptz,
  deletion_reason text
);

CREATE INDEX IF NOT EXISTS eakte_documents_due ON eakte_documents (retain_until) WHERE state = 'filed';

CREATE INDEX IF NOT EXISTS eakte_documents_aktenzeichen ON eakte_documents (aktenzeichen);

CREATE TABLE IF NOT EXISTS eakte_archive_offers (
  offer_id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  message_type text NOT NULL,
  document_ids jsonb NOT NULL,
  xml text NOT NULL
);
