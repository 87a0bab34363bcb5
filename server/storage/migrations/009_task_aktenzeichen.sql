-- The case's Aktenzeichen on each task (HUND-2026-000001, RECH-…, FUND-…), so clerks can tell cases apart and find one
-- in the list. The reference processes keep it in their `aktenzeichen` variable; an instance the portal started has
-- the submission's reference (`submissionReference`), which those processes adopt as their Aktenzeichen. The column
-- follows the variables the worker recorded at the job's (latest) activation, so it is set for tasks recorded before
-- this migration too. A value that is not a non-blank text is no Aktenzeichen: the list then shows the instance.
ALTER TABLE tasks ADD COLUMN aktenzeichen text GENERATED ALWAYS AS (coalesce(
  CASE WHEN jsonb_typeof(variables -> 'aktenzeichen') = 'string' THEN nullif(btrim(variables ->> 'aktenzeichen'), '') END,
  CASE WHEN jsonb_typeof(variables -> 'submissionReference') = 'string' THEN nullif(btrim(variables ->> 'submissionReference'), '') END
)) STORED;
-- The list's Aktenzeichen filter: a case-insensitive prefix (`lower(aktenzeichen) LIKE 'hund-2026%'`).
CREATE INDEX tasks_open_aktenzeichen ON tasks (lower(aktenzeichen) text_pattern_ops) WHERE state = 'open';
