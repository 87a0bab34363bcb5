-- Finding a process instance by the value of one of its own (root scope) variables, as a platform server does to learn
-- whether an instance it asked for before a crash exists (the portal's `submissionId`). md5 of the value, since a
-- btree entry cannot hold a large JSON text.
CREATE INDEX variable_by_root_name_value ON variable (name, md5(value)) WHERE scope_key = process_instance_key;
