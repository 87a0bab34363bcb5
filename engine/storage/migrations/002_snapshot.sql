-- Snapshots of the engine's state bound restart time; the journal keeps the newest two.
CREATE TABLE snapshot (
  position bigint PRIMARY KEY CHECK (position >= 0),
  last_key bigint NOT NULL,
  -- The state's JSON, gzipped in Node's thread pool and base64-encoded. PGlite sends parameters as text, where bytea
  -- travels as hex and is slow to encode and decode; base64 text was about 7 times faster to write there.
  state_gzip_base64 text NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);
-- It is compressed already; TOAST would only spend time trying again.
ALTER TABLE snapshot ALTER COLUMN state_gzip_base64 SET STORAGE EXTERNAL;
