-- The form a process's none start event links (zeebe:formDefinition): by form id (the latest version is meant), by a
-- custom form key, or embedded in the process (its schema is kept here, as no form resource holds it).
ALTER TABLE process_definition ADD COLUMN start_form_id text;
ALTER TABLE process_definition ADD COLUMN start_form_key text;
ALTER TABLE process_definition ADD COLUMN start_form_schema text;
