-- The engine's log: one row per group-committed batch of records, in position order.
CREATE TABLE journal (
  position bigint PRIMARY KEY CHECK (position > 0),
  -- The highest key handed out when the batch was written, so a restart continues the key sequence.
  last_key bigint NOT NULL,
  -- A JSON array as text: nothing queries inside it, and text is faster than jsonb to write and to read back
  -- (engine/storage/bench-journal.ts). Rows over 2 kB are compressed by TOAST.
  records text NOT NULL
);
