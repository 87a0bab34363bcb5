-- The case's Aktenzeichen on each task (HUND-2026-000001, RECH-…, FUND-…), so clerks can tell cases apart and find one
-- in the list. Every reference process keeps it in its `aktenzeichen` variable; the column follows the variables the
-- worker recorded at the job's (latest) activation, so it is set for tasks recorded before this migration too. A
-- value that is not a non-blank text is no Aktenzeichen: the list then shows the process instance instead.
ALTER TABLE tasks ADD COLUMN aktenzeichen text GENERATED ALWAYS AS (
  CASE WHEN jsonb_typeof(variables -> 'aktenzeichen') = 'string' THEN nullif(btrim(variables ->> 'aktenzeichen'), '') END
) STORED;
-- The list's Aktenzeichen filter: a case-insensitive prefix (`lower(aktenzeichen) LIKE 'hund-2026%'`).
CREATE INDEX tasks_open_aktenzeichen ON tasks (lower(aktenzeichen) text_pattern_ops) WHERE state = 'open';
